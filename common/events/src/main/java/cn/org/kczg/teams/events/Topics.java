package cn.org.kczg.teams.events;

/** One topic per producing service, plus its dead-letter topic. */
public final class Topics {
    public static final String REGISTRATION = "registration.events";
    public static final String REVIEW = "review.events";
    public static final String ACTIVITY = "activity.events";
    public static final String EVALUATION = "evaluation.events";

    /** Header that repeats the envelope's {@code type}, so routers need not parse the body. */
    public static final String TYPE_HEADER = "type";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
