package dev.racelock.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a project's surefire and failsafe configuration for the ways a test JVM silently runs
 * without the agent, so prepare-agent can say so at {@code initialize} instead of {@code check}
 * finding no traces: an {@code <argLine>} of its own that does not take in the property
 * prepare-agent sets (Maven replaces {@code ${argLine}} while it reads the pom when the pom
 * defines the property, so only the late {@code @{argLine}} is certain to see the agent), and
 * {@code forkCount} 0, which runs the tests inside Maven's own JVM.
 */
final class TestPluginConfiguration {

    static final List<String> TEST_PLUGINS = List.of("maven-surefire-plugin", "maven-failsafe-plugin");

    private TestPluginConfiguration() {}

    /** One line per problem found, naming the plugin and saying what to write instead. */
    static List<String> problems(List<Plugin> buildPlugins, String propertyName) {
        List<String> problems = new ArrayList<>();
        for (Plugin plugin : buildPlugins) {
            if (!"org.apache.maven.plugins".equals(plugin.getGroupId()) || !TEST_PLUGINS.contains(plugin.getArtifactId())) {
                continue;
            }
            List<Xpp3Dom> configurations = new ArrayList<>();
            configurations.add((Xpp3Dom) plugin.getConfiguration());
            for (PluginExecution execution : plugin.getExecutions()) {
                configurations.add((Xpp3Dom) execution.getConfiguration());
            }
            for (Xpp3Dom configuration : configurations) {
                String argLine = value(configuration, "argLine");
                if (argLine != null && !argLine.contains("@{" + propertyName + "}")
                        && !argLine.contains("${" + propertyName + "}")) {
                    problems.add(plugin.getArtifactId() + " sets <argLine>" + argLine + "</argLine> without @{"
                            + propertyName + "}: its test JVMs run without racelock. Write <argLine>@{"
                            + propertyName + "} " + argLine + "</argLine>");
                }
                if ("0".equals(value(configuration, "forkCount"))) {
                    problems.add(plugin.getArtifactId() + " has <forkCount>0</forkCount>: its tests run inside"
                            + " Maven's own JVM, which racelock does not record. Use a forkCount of 1 or more");
                }
            }
        }
        return problems;
    }

    private static String value(Xpp3Dom configuration, String name) {
        if (configuration == null) {
            return null;
        }
        Xpp3Dom child = configuration.getChild(name);
        return child == null || child.getValue() == null ? null : child.getValue().strip();
    }
}
