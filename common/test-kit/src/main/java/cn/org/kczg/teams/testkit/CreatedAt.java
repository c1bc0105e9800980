package cn.org.kczg.teams.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.URI;

/** A 201 names where the created resource is read: its {@code Location}, read with the creator's token, is it. */
public final class CreatedAt {
    private CreatedAt() {
    }

    /** Follows the 201's {@code Location} with {@code token}; returns the created resource's id. */
    public static String follow(Response created, String token) {
        String location = created.header("Location");
        assertTrue(location != null && URI.create(location).getPath().startsWith("/api/v1/"),
                "a 201 without a Location under /api/v1/: " + location);
        String id = created.path("id").toString();
        assertTrue(URI.create(location).getPath().endsWith("/" + id), location + " does not name " + id);
        var read = given();
        if (token != null) {
            read = read.auth().oauth2(token);
        }
        read.when().get(URI.create(location).getPath()).then().statusCode(200).body("id", equalTo(id));
        return id;
    }
}
