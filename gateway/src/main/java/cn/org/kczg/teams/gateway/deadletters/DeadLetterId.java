package cn.org.kczg.teams.gateway.deadletters;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code <dlq topic>:<partition>:<offset>}, accepted only for the platform's own dead-letter topics. */
record DeadLetterId(String topic, int partition, long offset) {
    private static final Pattern FORM = Pattern.compile("([a-z.-]{1,100}):(\\d{1,4}):(\\d{1,18})");

    static Optional<DeadLetterId> parse(String id, List<String> deadLetterTopics) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(id);
        if (!m.matches() || !deadLetterTopics.contains(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(new DeadLetterId(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
    }

    @Override
    public String toString() {
        return topic + ":" + partition + ":" + offset;
    }
}
