package com.example.app;

import org.junit.jupiter.api.Test;

class TallyIT {

    @Test
    void readsWhileAnotherThreadAdds() throws InterruptedException {
        Tally tally = new Tally();
        Thread adder = new Thread(tally::add);
        adder.start();
        tally.published(); // nothing orders this read with the add
        adder.join();
    }
}
