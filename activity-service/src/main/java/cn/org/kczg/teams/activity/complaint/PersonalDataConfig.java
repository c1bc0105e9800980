package cn.org.kczg.teams.activity.complaint;

import io.smallrye.config.ConfigMapping;

/**
 * Issue 24: the secret pepper that keys the hash of complainants' addresses. No default: the service does not start
 * without one ({@code ./kczg up} makes one in {@code $KCZG_HOME/keys/personal-data-pepper}; Kubernetes reads it from
 * the Secret {@code kczg-credentials}, key {@code personal-data-pepper}; tests have a fixed one).
 */
@ConfigMapping(prefix = "kczg.personal-data")
public interface PersonalDataConfig {
    String pepper();
}
