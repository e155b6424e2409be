package org.upgradeplanner.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.upgradeplanner.support.Api.admin;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The API refuses what a foreign page could make a browser send, and parses what it takes strictly. */
@QuarkusTest
class ApiRequestGuardTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesFromAForeignOriginAreRefused() {
        admin().header("Origin", "https://evil.example")
                .contentType("application/json")
                .body(utf8("{\"hostname\":\"x.evil.test\"}"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Cross-site request refused"));
        admin().when().get("/api/hosts/x.evil.test").then().statusCode(404);
        admin().header("Origin", "http://localhost:8080")
                .contentType("application/json")
                .body(utf8("{\"hostname\":\"x.own.test\"}"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201);
        admin().header("Origin", "https://evil.example")
                .when()
                .get("/api/hosts/x.own.test")
                .then()
                .statusCode(200);
    }

    @Test
    void formsAndBodiesWithoutAContentTypeAreRefused() {
        admin().contentType("application/x-www-form-urlencoded")
                .formParam("hostname", "form.test")
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        admin().contentType("multipart/form-data")
                .multiPart("reason", "x")
                .when()
                .post("/api/windows/1/cancel")
                .then()
                .statusCode(415);
        admin().contentType("text/plain")
                .body(utf8("{\"hostname\":\"plain.test\"}"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(415);
        admin().noContentType()
                .body(utf8("{\"hostname\":\"none.test\"}"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(415);
        admin().when().get("/api/hosts/plain.test").then().statusCode(404);
    }

    @Test
    void booleansParseStrictly() {
        String yaml = "all:\n  hosts:\n    strict.bool.test:\n";
        for (String loose : new String[] {"yes", "1", "TRUE ", ""}) {
            admin().contentType("application/yaml")
                    .queryParam("source", "strict-bool")
                    .queryParam("dryRun", loose)
                    .body(utf8(yaml))
                    .when()
                    .post("/api/inventory/import")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("dryRun"));
        }
        admin().when().get("/api/hosts/strict.bool.test").then().statusCode(404);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        String host = "dup-" + System.nanoTime() + ".test";
        int version = admin().contentType("application/json")
                .body(utf8("{\"hostname\":\"" + host + "\"}"))
                .when()
                .post("/api/hosts")
                .then()
                .statusCode(201)
                .extract()
                .path("version");
        admin().contentType("application/json")
                .body(utf8("{\"services\":[\"a\"],\"version\":" + (version + 5) + ",\"version\":" + version + "}"))
                .when()
                .put("/api/hosts/" + host)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertEquals(version, (int)
                admin().when().get("/api/hosts/" + host).then().extract().path("version"));
    }

    @Test
    void redirectsNeverNameTheHostHeader() {
        given().redirects()
                .follow(false)
                .header("Host", "evil.example")
                .when()
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", equalTo("/login"));
    }

    @Test
    void controlCharactersInFreeTextAreRefused() {
        admin().contentType("application/json")
                .body(utf8(
                        "{\"title\":\"t\",\"start\":\"2020-01-06T20:00:00Z\",\"end\":\"2020-01-06T21:00:00Z\",\"services\":[\"cc\"],"
                                + "\"description\":\"line\\rBEGIN:VEVENT\\u0001\"}"))
                .when()
                .post("/api/windows")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("description"));
    }

    /** Whatever the body, every write endpoint answers 4xx problem+json and changes nothing; none answers 5xx. */
    @Test
    void malformedBodiesAre4xxOnEveryEndpoint() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        byte[] badUtf8 = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        String[][] endpoints = {
            {"POST", "/api/hosts"},
            {"PUT", "/api/hosts/review.openstack.org"},
            {"PUT", "/api/hosts/review.openstack.org/classification"},
            {"POST", "/api/inventory/import"},
            {"POST", "/api/windows"},
            {"PUT", "/api/windows/1"},
            {"POST", "/api/windows/1/cancel"},
            {"POST", "/api/windows/1/extend"},
            {"POST", "/api/windows/1/schedule"},
            {"POST", "/api/policy/freezes"}
        };
        for (String[] e : endpoints) {
            for (Object[] body : new Object[][] {
                {"application/json", utf8(nested)},
                {"application/json", badUtf8},
                {"application/json", utf8("{\"a\": ")},
                {"application/xml", utf8("<a/>")},
                {"text/calendar", new byte[] {0, 1, 2}},
                {"application/yaml", utf8("a: &x [*x]")}
            }) {
                int status = admin().contentType((String) body[0])
                        .body((byte[]) body[1])
                        .when()
                        .request(e[0], e[1])
                        .then()
                        .extract()
                        .statusCode();
                org.junit.jupiter.api.Assertions.assertTrue(
                        status >= 400 && status < 500, e[0] + " " + e[1] + " with " + body[0] + ": " + status);
            }
        }
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

    /** Refused on its announced Content-Length, before a byte of it is read (so the test sends none). */
    @Test
    void aBodyOverTheLimitIs413InTheOneErrorFormat() throws Exception {
        for (String[] c : new String[][] {
            {"/api/inventory/import", "application/problem+json"},
            {"/api/windows", "application/problem+json"},
            {"/import", "text/html"}
        }) {
            try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write(("POST " + c[0]
                                        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic YWRtaW46YWRtaW4=\r\n"
                                        + "Content-Type: application/json\r\nContent-Length: " + 26L * 1024 * 1024
                                        + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String answer = readResponse(socket.getInputStream());
                org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 413"), c[0] + ": " + answer);
                org.junit.jupiter.api.Assertions.assertTrue(
                        answer.toLowerCase().contains("content-type: " + c[1]), c[0] + ": " + answer);
                org.junit.jupiter.api.Assertions.assertTrue(answer.contains("larger than this service takes"), answer);
            }
        }
    }

    /** One HTTP response: the head, then as many bytes as its Content-Length says (the connection may stay open). */
    private static String readResponse(java.io.InputStream in) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
        }
        String head = out.toString(StandardCharsets.ISO_8859_1);
        var length =
                java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            out.write(in.readNBytes(Integer.parseInt(length.group(1))));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
