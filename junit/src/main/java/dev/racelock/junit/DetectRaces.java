package dev.racelock.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a test during which racelock found a data race or a deadlock, with the text report as
 * the failure message. On a class, every test of the class; on a method, that test. For every
 * test of a suite, enable JUnit's extension auto-detection instead (docs/build-integration.md).
 *
 * <p>The test JVM should run with racelock's agent (racelock-maven-plugin's prepare-agent, or
 * {@code -javaagent}); when it does not, the agent is attached at run time
 * ({@link DetectRacesExtension}).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DetectRacesExtension.class)
public @interface DetectRaces {}
