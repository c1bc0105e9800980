package cn.org.kczg.teams.events.registration;

/** Art. 12: the person a team names to answer the demand hall; {@code userId} is their token's {@code sub}. */
public record Handler(String name, String phone, String email, String userId) {
}
