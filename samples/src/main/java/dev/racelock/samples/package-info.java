/**
 * The sample catalogue: small programs with a known concurrency bug ({@code race},
 * {@code deadlock}, {@code observed}) and their correct twins ({@code norace}, {@code nodeadlock}).
 *
 * <p>Each program carries its expected racelock findings as trailing line comments on the lines
 * involved ({@code // expect race(write, LostUpdate.hits)}); the grammar is documented in
 * {@code docs/samples.md} and parsed by the validation harness in this module's tests, which runs
 * every sample under the agent and compares the analyzer's findings exactly against them.
 */
package dev.racelock.samples;
