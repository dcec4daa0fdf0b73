package org.meshledger.faults;

/** One fault, injected while writers write, and the figures checked afterwards. */
interface Scenario {

    String name();

    ScenarioResult run(Topology topology, Sizes sizes) throws Exception;

    /** How much each scenario writes: {@code --quick} runs every scenario at smaller sizes. */
    record Sizes(String mode, int writers, int commands) {

        static final Sizes QUICK = new Sizes("quick", 8, 1_000);
        static final Sizes FULL = new Sizes("full", 8, 5_000);
    }
}
