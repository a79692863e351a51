package dev.palisade.proxy.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.palisade.proxy.log.LogSampling;
import dev.palisade.proxy.testing.ProxyFixture;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The holder hands out each installed bundle's log sampling, worked out once when it was installed. */
class PolicyHolderTest {
    @Test
    void theLogSamplingFollowsTheInstalledBundle() {
        PolicyHolder holder = new PolicyHolder();
        assertEquals(Optional.empty(), holder.logSampling(), "nothing before the first bundle");

        PolicyBundle www = ProxyFixture.bundle(ProxyFixture.WWW);
        holder.swap(www);
        assertEquals(www.logSampling(), holder.logSampling());
        assertEquals(Optional.of(new LogSampling(5, LogSampling.ALL)), holder.logSampling(), "www.pal's log block");

        PolicyBundle sampled = new PolicyBundle(www.policy(), www.selection(), Instant.EPOCH, www.wafs(),
                Map.of("www", new LogSampling(60, 10)));
        holder.swap(sampled);
        assertEquals(Optional.of(new LogSampling(60, 10)), holder.logSampling(), "a reload brings its own");
    }
}
