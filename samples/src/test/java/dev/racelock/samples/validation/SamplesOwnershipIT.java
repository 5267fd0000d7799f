package dev.racelock.samples.validation;

/**
 * The validation suite again with {@code stacks=off}: the ownership filter (docs/agent.md, "Objects
 * no second thread has touched"), on by default, then keeps the accesses of an object only its
 * constructing thread has touched beside it without a calling context, and writes them out when a
 * second thread touches it. Every sample must still report exactly its expected findings. A sample
 * of predicted races is recorded with the filter off, as in {@link SamplesEndToEndIT}.
 */
class SamplesOwnershipIT extends SamplesEndToEndIT {

    @Override
    String agentOptions(SampleSource sample) {
        return ",stacks=off" + super.agentOptions(sample);
    }

    @Override
    String resultsFile() {
        return "results-ownership.txt";
    }
}
