package dev.parley.widgetload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTests {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 2000; i++) {
            latencies.record(i * 1000L);
        }
        assertThat(latencies.count()).isEqualTo(2000);
        assertThat(latencies.percentileMillis(50)).isEqualTo(1000.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(1980.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(2000.0);
        assertThat(new Latencies().percentileMillis(99)).isNaN();
    }

    @Test
    void heapIsSummedOverThePoolsOfAPrometheusScrape() {
        String scrape = """
                jvm_memory_used_bytes{area="heap",id="Eden Space",service="gateway"} 8.0E7
                jvm_memory_used_bytes{area="heap",id="Tenured Gen",service="gateway"} 2.0E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace",service="gateway"} 6.0E7
                """;
        assertThat(GatewayProcess.heapUsed(scrape)).isEqualTo(100_000_000L);
        assertThat(GatewayProcess.heapUsed("")).isEqualTo(-1);
    }
}
