package dev.racelock.maven;

import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TestPluginConfigurationTest {

    static Plugin plugin(String artifactId, String... nameValues) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId(artifactId);
        plugin.setConfiguration(configuration(nameValues));
        return plugin;
    }

    static Xpp3Dom configuration(String... nameValues) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (int i = 0; i < nameValues.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(nameValues[i]);
            child.setValue(nameValues[i + 1]);
            configuration.addChild(child);
        }
        return configuration;
    }

    @Test
    void anArgLineWithoutTheLateReferenceHidesTheAgent() {
        assertEquals(List.of("maven-surefire-plugin sets <argLine>-Xmx1g</argLine> without @{argLine}: its test JVMs"
                        + " run without racelock. Write <argLine>@{argLine} -Xmx1g</argLine>"),
                TestPluginConfiguration.problems(List.of(plugin("maven-surefire-plugin", "argLine", "-Xmx1g")),
                        "argLine"));
    }

    @Test
    void referencesToThePropertyAndOtherPluginsAreFine() {
        assertEquals(List.of(), TestPluginConfiguration.problems(List.of(
                plugin("maven-surefire-plugin", "argLine", "@{argLine} -Xmx1g"),
                plugin("maven-failsafe-plugin", "argLine", "${argLine}"),
                plugin("maven-compiler-plugin", "argLine", "-Xmx1g"),
                plugin("maven-surefire-plugin")), "argLine"));
    }

    @Test
    void executionsAndForkCountZeroAreChecked() {
        Plugin failsafe = plugin("maven-failsafe-plugin", "forkCount", "0");
        PluginExecution execution = new PluginExecution();
        execution.setConfiguration(configuration("argLine", "-ea"));
        failsafe.addExecution(execution);
        List<String> problems = TestPluginConfiguration.problems(List.of(failsafe), "racelockArgs");
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("maven-failsafe-plugin has <forkCount>0</forkCount>: its tests run inside Maven's own JVM,"
                + " which racelock does not record. Use a forkCount of 1 or more", problems.get(0));
        assertEquals("maven-failsafe-plugin sets <argLine>-ea</argLine> without @{racelockArgs}: its test JVMs run"
                + " without racelock. Write <argLine>@{racelockArgs} -ea</argLine>", problems.get(1));
    }
}
