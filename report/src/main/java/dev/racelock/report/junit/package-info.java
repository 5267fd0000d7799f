/** JUnit XML: one test case per finding, its text report as the failure. Depends on {@code view} and {@code text}. */
package dev.racelock.report.junit;
