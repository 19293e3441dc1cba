package nl.kennisagenda.event;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import nl.kennisagenda.web.PageCache;

@QuarkusTest
class QueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    PageCache pages;

    @AfterEach
    void removeTestEvents() {
        EventFixtures.cleanUp();
    }

    @Test
    void agendaNeedsTheSameNumberOfQueriesForMoreEvents() {
        long before = statementsFor("/");
        assertTrue(before > 0, "statistics are on");
        for (int i = 0; i < 6; i++) {
            EventFixtures.create("test-telling-" + i, Duration.ofDays(2 + i), event -> {
                event.partners.addAll(List.of(Organisation.findBySlug("vng").orElseThrow(),
                        Organisation.findBySlug("zn").orElseThrow()));
                event.themes.add("Extra thema");
            });
        }
        long after = statementsFor("/");
        assertEquals(before, after, "queries for the agenda must not grow with the number of events");
    }

    @Test
    void apiListNeedsTheSameNumberOfQueriesForMoreEvents() {
        long before = statementsFor("/api/events");
        for (int i = 0; i < 6; i++) {
            EventFixtures.create("test-api-telling-" + i, Duration.ofDays(2 + i),
                    event -> event.partners.add(Organisation.findBySlug("vng").orElseThrow()));
        }
        assertEquals(before, statementsFor("/api/events"));
    }

    /** The statements one render of the page takes (not a copy from the page cache). */
    private long statementsFor(String path) {
        pages.contentChanged();
        sessionFactory.getStatistics().clear();
        given().when().get(path).then().statusCode(200);
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }
}
