package dev.racelock.maven;

import dev.racelock.trace.AgentArguments;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Puts the racelock agent on the test JVMs' command line: prepends {@code -javaagent:...} to the
 * {@code argLine} property (or the one named by {@code propertyName}) that surefire and failsafe
 * read, as JaCoCo's prepare-agent does, so both agents can share one argLine. Each forked JVM
 * writes its own trace into {@code traceDirectory}; Maven's own JVM is never recorded.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public final class PrepareAgentMojo extends AbstractMojo {

    static final String AGENT_ARTIFACT = "dev.racelock:racelock-agent";
    static final String JUNIT_ARTIFACT = "dev.racelock:racelock-junit";
    /** Surefire's and failsafe's {@code additionalClasspathElements}, comma-separated. */
    static final String ADDITIONAL_CLASSPATH = "maven.test.additionalClasspath";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    private Map<String, Artifact> pluginArtifacts;

    /** The property surefire and failsafe read the test JVM's options from. */
    @Parameter(property = "racelock.propertyName", defaultValue = "argLine")
    private String propertyName;

    /** Where each test JVM writes its trace, {@code racelock-<pid>.rlt}; check and report read them there. */
    @Parameter(property = "racelock.traceDirectory", defaultValue = "${project.build.directory}/racelock")
    private File traceDirectory;

    /** Classes to record, as globs ({@code com.acme.**}); default: the packages of the build's own sources. */
    @Parameter(property = "racelock.includes")
    private List<String> includes;

    /** Classes not to record, as globs. */
    @Parameter(property = "racelock.excludes")
    private List<String> excludes;

    /** {@code full} (races and deadlocks) or {@code locks} (deadlocks only, lowest overhead). */
    @Parameter(property = "racelock.mode", defaultValue = "full")
    private String mode;

    /** {@code on}: calling context for stacks in reports; {@code off} is faster. */
    @Parameter(property = "racelock.stacks", defaultValue = "on")
    private String stacks;

    /**
     * What the watchdog does when test threads deadlock: {@code exit} ends the test JVM (exit code
     * 86) so the build cannot hang, {@code report} records it and lets the JVM hang, {@code off}.
     */
    @Parameter(property = "racelock.deadlock", defaultValue = "exit")
    private String deadlock;

    /**
     * Adds racelock-junit's listener to the test class path (surefire's and failsafe's
     * {@code maven.test.additionalClasspath}) so findings name their test. Not needed when the
     * project declares racelock-junit as a test dependency itself.
     */
    @Parameter(property = "racelock.testListener", defaultValue = "true")
    private boolean testListener;

    /** Records nothing: the property is left as it was, and defined (empty) if it was not. */
    @Parameter(property = "racelock.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        Properties properties = project.getProperties();
        if (skip) {
            if (properties.getProperty(propertyName) == null) {
                properties.setProperty(propertyName, ""); // so ${argLine} in a configuration still resolves
            }
            getLog().info("racelock: skipped (racelock.skip); the test JVMs run without the agent");
            return;
        }
        AgentArguments settings = settings();
        Path directory = traceDirectory.toPath();
        Path agentJar = prepareDirectory(directory);
        String argument;
        try {
            argument = AgentArgLine.javaagent(agentJar, settings.format());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("racelock: " + e.getMessage(), e);
        }
        String value = AgentArgLine.prepend(argument, properties.getProperty(propertyName));
        properties.setProperty(propertyName, value);
        getLog().info("racelock: " + propertyName + " set to " + value);
        warnAboutHiddenAgent();
        if (testListener) {
            addTestListener(properties);
        }
    }

    private AgentArguments settings() throws MojoExecutionException {
        List<String> include = includes == null || includes.isEmpty() ? defaultIncludes() : includes;
        try {
            return AgentSettings.arguments(traceDirectory.toPath(), include, excludes == null ? List.of() : excludes,
                    mode, stacks, deadlock);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("racelock: " + e.getMessage(), e);
        }
    }

    /** The packages of every project of the build: a module's tests also run its siblings' classes. */
    private List<String> defaultIncludes() {
        List<Path> roots = new ArrayList<>();
        List<MavenProject> projects = session.getProjects() == null || session.getProjects().isEmpty()
                ? List.of(project) : session.getProjects();
        for (MavenProject p : projects) {
            roots.add(Path.of(p.getBuild().getSourceDirectory()));
            roots.add(Path.of(p.getBuild().getTestSourceDirectory()));
            p.getCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
            p.getTestCompileSourceRoots().forEach(root -> roots.add(Path.of(root)));
        }
        List<String> globs = ProjectPackages.includeGlobs(roots);
        if (globs.isEmpty()) {
            globs = List.of(project.getGroupId() + ".**");
        }
        getLog().debug("racelock: recording " + String.join(":", globs));
        return globs;
    }

    /**
     * Removes the traces of an earlier build, which check would otherwise analyze again, and
     * copies the agent there as {@code racelock-agent.jar}: the name its manifest's
     * Boot-Class-Path expects, so the JVM puts it on the boot class path before premain without a
     * class-data-sharing warning (the name in the local repository carries a version).
     */
    private Path prepareDirectory(Path directory) throws MojoExecutionException {
        Artifact agent = pluginArtifacts.get(AGENT_ARTIFACT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("racelock: the plugin's own dependency " + AGENT_ARTIFACT
                    + " was not resolved");
        }
        Path agentDirectory = directory.resolve("agent");
        Path agentJar = agentDirectory.resolve(AgentArgLine.AGENT_JAR_NAME);
        try {
            Files.createDirectories(agentDirectory);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, "racelock-*.rlt")) {
                for (Path trace : old) {
                    Files.delete(trace);
                }
            }
            Files.copy(agent.getFile().toPath(), agentJar, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoExecutionException("racelock: cannot prepare " + directory + ": " + e, e);
        }
        return agentJar;
    }

    private void warnAboutHiddenAgent() {
        if (session.getUserProperties().getProperty(propertyName) != null) {
            getLog().warn("racelock: -D" + propertyName + " on the command line hides the " + propertyName
                    + " this goal sets: the test JVMs run without racelock (and without any other agent a plugin"
                    + " put there, JaCoCo's included). Put JVM options in the pom instead: <argLine>@{"
                    + propertyName + "} your options</argLine>");
        }
        for (String problem : TestPluginConfiguration.problems(project.getBuildPlugins(), propertyName)) {
            getLog().warn("racelock: " + problem);
        }
    }

    private void addTestListener(Properties properties) {
        for (Dependency d : project.getDependencies()) {
            if (JUNIT_ARTIFACT.equals(d.getGroupId() + ":" + d.getArtifactId())) {
                return; // on the test class path already
            }
        }
        Artifact junit = pluginArtifacts.get(JUNIT_ARTIFACT);
        if (junit == null || junit.getFile() == null) {
            getLog().warn("racelock: " + JUNIT_ARTIFACT + " was not resolved: findings will not name their tests");
            return;
        }
        String jar = junit.getFile().getAbsolutePath();
        String existing = properties.getProperty(ADDITIONAL_CLASSPATH);
        properties.setProperty(ADDITIONAL_CLASSPATH, existing == null || existing.isBlank() ? jar : jar + "," + existing);
    }
}
