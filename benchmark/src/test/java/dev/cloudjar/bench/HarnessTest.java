package dev.cloudjar.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The harness's own arithmetic and parsing: a benchmark that miscounts is worse than none. */
class HarnessTest {
    @Test
    void percentilesUseNearestRank() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int i = 100; i >= 1; i--) {
            recorder.record(i * 1_000_000L); // 1..100 ms, recorded out of order
        }
        assertEquals(50.0, recorder.p50());
        assertEquals(99.0, recorder.p99());
        assertEquals(100, LatencyRecorder.merge(List.of(recorder, new LatencyRecorder())).count());
        assertTrue(Double.isNaN(new LatencyRecorder().p50()));
    }

    @Test
    void readsCpuAndResidentMemoryOfAProcess() {
        long pid = ProcessHandle.current().pid();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long before = ProcessCpu.cpuMillis(pid);
        long x = 0;
        long wallLimit = System.nanoTime() + 20_000_000_000L;
        while (ProcessCpu.cpuMillis(pid) < before + 200 && System.nanoTime() < wallLimit) {
            for (int i = 0; i < 100_000; i++) {
                x += System.identityHashCode(new Object());
            }
        }
        long fromProc = ProcessCpu.cpuMillis(pid);
        long fromJvm = os.getProcessCpuTime() / 1_000_000;
        assertTrue(x != 42 && fromProc >= before + 200, "spinning shows as CPU time");
        assertTrue(Math.abs(fromJvm - fromProc) < 100, "/proc says " + fromProc + " ms, the JVM " + fromJvm + " ms");
        assertTrue(ProcessCpu.rssKib(pid) > 10_000, "a JVM has more than 10 MiB resident");
        assertEquals(-1, ProcessCpu.cpuMillis(Long.MAX_VALUE));
    }

    @Test
    void runnerStopsAtTheCountAndMeasuresOnlyAfterWarmUp() {
        AtomicLong cpu = new AtomicLong();
        LoadRunner runner = new LoadRunner(() -> cpu.addAndGet(10));
        AtomicLong calls = new AtomicLong();
        Measurement m = runner.run("op", 4, 500, Duration.ofSeconds(30), (thread, seq) -> calls.incrementAndGet());
        assertEquals(500, m.ops());
        assertEquals(550, calls.get(), "50 warm-up calls (a tenth) plus 500 measured");
        assertEquals(10, m.serverCpuMillis(), "one CPU sample before and one after the measured part");
    }

    @Test
    void anOperationThatAlwaysFailsIsReportedNotMeasured() {
        LoadRunner runner = new LoadRunner(() -> -1);
        Measurement m = runner.run("op", 2, 1000, Duration.ofSeconds(30), (thread, seq) -> {
            throw new IllegalStateException("UnknownOperationException");
        });
        assertTrue(m.failedEntirely());
        assertTrue(m.firstError().contains("UnknownOperationException"));
        assertTrue(Double.isNaN(m.cpuPerOpMillis()));
    }

    @Test
    void quickModeShrinksOnlyWhatWasNotGiven() {
        BenchOptions o = BenchOptions.parse(new String[] {"--endpoint", "http://127.0.0.1:1", "--quick", "--ops", "77"});
        assertEquals(77, o.ops());
        assertEquals(100_000, o.ddbItems);
        assertEquals(Duration.ofSeconds(5), o.timeLimit());
        assertEquals(List.of(1, 8), o.threads());
        assertThrows(BenchOptions.UsageException.class, () -> BenchOptions.parse(new String[] {"--quick"}));
    }

    @Test
    void everyBankRunGetsFreshTransactionIds() {
        List<String> template = List.of("customer_id|customer_address|trn_id|trn_date|trn_amount",
                "C1|1 Smith Street, London|T01|03/16/2017|100");
        String run3 = new String(BankPipelineWorkload.transactionsForRun(template, 3), StandardCharsets.UTF_8);
        assertEquals("customer_id|customer_address|trn_id|trn_date|trn_amount\nC1|1 Smith Street, London|R3-T01|03/16/2017|100\n", run3);
    }
}
