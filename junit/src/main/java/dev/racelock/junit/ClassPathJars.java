package dev.racelock.junit;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Where a class on the class path comes from: its jar, or its classes directory. */
final class ClassPathJars {

    private ClassPathJars() {}

    /**
     * The jar or directory {@code resource} (found under the name {@code resourceName}) was
     * loaded from: {@code jar:file:/r/x.jar!/a/B.class} gives {@code /r/x.jar},
     * {@code file:/r/classes/a/B.class} gives {@code /r/classes}.
     */
    static Path root(URL resource, String resourceName) {
        try {
            if ("jar".equals(resource.getProtocol())) {
                String spec = resource.getPath(); // file:/r/x.jar!/a/B.class
                return Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
            }
            Path file = Path.of(resource.toURI());
            Path root = file;
            for (int i = 0; i < Path.of(resourceName).getNameCount(); i++) {
                root = root.getParent();
            }
            return root;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot locate " + resource, e);
        }
    }

    /** The jar or directory holding {@code resourceName} on this class's loader, or null. */
    static Path rootOf(String resourceName) {
        URL resource = ClassPathJars.class.getClassLoader().getResource(resourceName);
        return resource == null ? null : root(resource, resourceName);
    }
}
