package fr.convergence.participant.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import fr.convergence.participant.TestService;
import fr.convergence.participant.Tokens;
import fr.convergence.participant.crypto.BlindIndexes;
import fr.convergence.testing.Http;
import fr.convergence.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The GDPR promise end to end: after a person is registered, moved, read and erased, nothing that identifies
 * them remains in clear anywhere this service writes — any collection of any database on the server, any Kafka
 * topic, any log line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ErasureLeavesNoTraceTest {

    static final String FIRST_NAME = "Zéphyrine";
    static final String LAST_NAME = "Quasimodo-Brandtzaeg";
    static final String BIRTH_DATE = "1979-03-17";
    static final String PHONE = "+33 6 48 27 93 15";
    static final String EMAIL = "zephyrine.qb.test@example.org";
    static final String ADDRESS = "17 impasse des Tanneurs Imaginaires";
    /** Every form in which the person could appear: as typed, normalised, and the distinctive parts. */
    static final List<String> PERSONAL = List.of(FIRST_NAME, "zephyrine", "Zephyrine", LAST_NAME, "quasimodo",
            "Quasimodo", "brandtzaeg", "Brandtzaeg", BIRTH_DATE, "17/03/1979", PHONE, "48 27 93 15", "648279315",
            EMAIL, "zephyrine.qb", ADDRESS, "Tanneurs Imaginaires");

    static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestService.register(registry, "participant_erasure");
    }

    /** After the context started: Spring Boot re-initialises logback at start-up, dropping earlier appenders. */
    @BeforeEach
    void captureLogs() {
        LOGS.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        LOGS.start();
        root().addAppender(LOGS);
    }

    @AfterEach
    void releaseLogs() {
        root().detachAppender(LOGS);
    }

    static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoClient mongo;
    @Autowired
    MongoDatabase database;
    @Autowired
    BlindIndexes blindIndexes;

    @Test
    void noPersonalDataRemainsInClearAnywhereAfterErasure(CapturedOutput output) {
        Http cip = new Http(port).as(Tokens.cip("aci-paris-1"));
        Http http = new Http(port).as(Tokens.coordinator("paris")).with("X-Purpose", "case-follow-up");
        Http auditor = new Http(port).as(Tokens.auditor()).with("X-Purpose", "audit");
        Http.Response registered = cip.post("/api/participants", """
                {"firstName":"%s","lastName":"%s","birthDate":"%s","phone":"%s","email":"%s","address":"%s",
                 "referentId":"cip-paris-1","aciId":"aci-paris-1"}""".formatted(FIRST_NAME, LAST_NAME, BIRTH_DATE,
                PHONE, EMAIL, ADDRESS));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String id = registered.text("participantId");
        assertThat(http.post("/api/participants/" + id + "/move", "{\"aciId\":\"aci-paris-2\"}").status()).isEqualTo(200);
        Http.Response read = http.get("/api/participants/" + id);
        assertThat(read.text("lastName")).isEqualTo(LAST_NAME); // the data really was there and readable
        assertThat(http.post("/api/participants/search", "{\"territory\":\"paris\",\"lastName\":\"%s\"}"
                .formatted(LAST_NAME)).body().get("total").asLong()).isEqualTo(1);
        assertThat(auditor.get("/api/participants/" + id + "/history").raw()).contains(EMAIL);
        String lastNameHash = blindIndexes.forTerritory("paris").lastName(LAST_NAME);
        String firstNameHash = blindIndexes.forTerritory("paris").firstName(FIRST_NAME);

        assertThat(http.delete("/api/participants/" + id).status()).isEqualTo(200);
        assertThat(http.get("/api/participants/" + id).text("lastName")).isEqualTo("[erased]");

        Pattern everyTopic = Pattern.compile(".*");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestInfrastructure.readAll(everyTopic, Integer.MAX_VALUE,
                Duration.ofSeconds(3)).stream().anyMatch(r -> r.value().contains("\"ParticipantErased\"")
                && r.value().contains(id)));

        String mongoDump = dumpEveryDatabase();
        assertThat(mongoDump).as("the scan saw this participant's document").contains(id);
        assertThat(mongoDump).contains("\"status\": \"ERASED\"");
        assertNoneIn("MongoDB", mongoDump);
        assertThat(mongoDump).doesNotContain(lastNameHash).doesNotContain(firstNameHash);

        List<ConsumerRecord<String, String>> records = TestInfrastructure.readAll(everyTopic, Integer.MAX_VALUE,
                Duration.ofSeconds(5));
        StringBuilder kafkaDump = new StringBuilder();
        records.forEach(r -> kafkaDump.append(r.topic()).append(' ').append(r.key()).append(' ').append(r.value())
                .append('\n'));
        assertThat(kafkaDump).as("the scan saw this participant's events").contains(id);
        assertNoneIn("Kafka", kafkaDump.toString());

        StringBuilder logDump = new StringBuilder(output.getAll());
        for (ILoggingEvent event : LOGS.list) {
            logDump.append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap()).append('\n');
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                logDump.append(t.getMessage()).append('\n');
            }
        }
        assertThat(logDump).as("the log capture saw this participant's lines").contains(id + " erased");
        assertNoneIn("logs", logDump.toString());
    }

    private String dumpEveryDatabase() {
        StringBuilder dump = new StringBuilder();
        for (String dbName : mongo.listDatabaseNames()) {
            MongoDatabase db = mongo.getDatabase(dbName);
            for (String collection : db.listCollectionNames()) {
                for (Document d : db.getCollection(collection).find()) {
                    dump.append(dbName).append('.').append(collection).append(' ').append(d.toJson()).append('\n');
                }
            }
        }
        return dump.toString();
    }

    private static void assertNoneIn(String where, String dump) {
        for (String value : PERSONAL) {
            assertThat(dump).as("%s must not contain '%s'", where, value).doesNotContainIgnoringCase(value);
        }
    }
}
