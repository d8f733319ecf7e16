package org.tablesolver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The delivery settings as an operator leaves them: the documented retry schedule. */
class WebhookPropertiesTest {

    static WebhookProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("tablesolver.webhooks", WebhookProperties.class);
    }

    @Test
    void theDefaultsRetryAfter5s30s2m10m30mThenHourlyFor24Hours() {
        WebhookProperties defaults = bind(Map.of());
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 30).stream().map(defaults::delayAfter).toList()).containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
        assertThat(defaults.retryFor()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.allowPrivateTargets()).isFalse();
    }

    @Test
    void aLeaseNoLongerThanTheTimeoutIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("tablesolver.webhooks.lease", "5s")))
                .hasStackTraceContaining("lease > timeout");
    }
}
