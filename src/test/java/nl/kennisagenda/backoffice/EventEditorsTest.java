package nl.kennisagenda.backoffice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import nl.kennisagenda.account.Account;
import nl.kennisagenda.account.Role;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.StandardFormFields;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.image.StoredImage;
import nl.kennisagenda.registration.Registration;
import nl.kennisagenda.registration.RegistrationStatus;
import nl.kennisagenda.registration.service.RegistrationService;
import nl.kennisagenda.registration.service.SignupInput;

/**
 * The organiser's editors of issue 8: programme, sign-up form, materials, images and the speaker library, through
 * the pages as an organiser of Platform31 uses them, and the public pages that show the result.
 */
@QuarkusTest
class EventEditorsTest {

    private static final String ORGANISER = "platform31@example.org";
    private static final String OUTSIDER = "vilans@example.org";
    private static final String OBSERVER = "editor-observer-" + System.nanoTime() + "@example.org";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Pattern IMAGE_URL = Pattern.compile("/images/[0-9]+-[0-9a-f]{16}\\.(jpg|png)");

    @Inject
    RegistrationService registrations;

    @Inject
    nl.kennisagenda.backoffice.editor.ImageEditor imageEditor;

    @BeforeAll
    static void observer() {
        BackofficeLoginTest.createAccount(OBSERVER, Role.OBSERVER, "platform31");
    }

    @AfterAll
    static void removeObserver() {
        QuarkusTransaction.requiringNew().run(() -> Account.<Account>list("email", OBSERVER).forEach(Account::delete));
    }

    // ------------------------------------------------------------------ programme

    @Test
    void anOrganiserAddsProgrammeItemsAndReordersThem() {
        long id = event(Duration.ofDays(20), 0);
        String slug = slug(id);
        AdminClient organiser = organiser(id, "/programme");
        Instant start = start(id);
        save(organiser, id, Map.of("kind", "PLENARY", "startsAt", local(start), "endsAt", local(start.plusSeconds(1800)),
                "titleNl", "Opening", "titleEn", "Welcome")).then().statusCode(303);
        save(organiser, id, Map.of("kind", "PLENARY", "startsAt", local(start.plusSeconds(3600)),
                "endsAt", local(start.plusSeconds(5400)), "titleNl", "Afsluiting")).then().statusCode(303);
        String page = given().get("/events/" + slug).asString();
        assertTrue(page.indexOf("Opening") < page.indexOf("Afsluiting"), "time order");

        long closing = item(id, "Afsluiting").id;
        organiser.get("/admin/events/" + id + "/programme");
        organiser.post().formParam("itemId", closing).formParam("direction", "up")
                .post("/admin/events/" + id + "/programme/move").then().statusCode(303);
        page = given().get("/events/" + slug).asString();
        assertTrue(page.indexOf("Afsluiting") < page.indexOf("Opening"), "moved up");
    }

    @Test
    void englishProgrammeTextsShowWithLangEnAndDutchOnesAreMarkedAsDutch() {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/programme");
        Instant start = start(id);
        save(organiser, id, Map.of("kind", "PLENARY", "startsAt", local(start), "endsAt", local(start.plusSeconds(1800)),
                "titleNl", "Welkom en opening", "titleEn", "Welcome and opening", "descriptionNl", "Met koffie."))
                .then().statusCode(303);
        given().get("/events/" + slug(id) + "?lang=en").then().statusCode(200)
                .body(containsString("<h3>Welcome and opening</h3>"))
                .body(containsString("<p lang=\"nl\">Met koffie.</p>"));
        given().get("/events/" + slug(id) + "?lang=nl").then().statusCode(200)
                .body(containsString("<h3>Welkom en opening</h3>"))
                .body(containsString("<p>Met koffie.</p>"));
    }

    @Test
    void anItemOutsideTheEventsTimeIsRefused() {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/programme");
        Instant start = start(id);
        save(organiser, id, Map.of("kind", "PLENARY", "startsAt", local(start.minusSeconds(3600)),
                "endsAt", local(start), "titleNl", "Te vroeg")).then().statusCode(422)
                .body(containsString("href=\"#f-startsAt\">Begint om: Het onderdeel moet binnen de tijd van het evenement"))
                .body(containsString("value=\"Te vroeg\""));
    }

    @Test
    void aSessionsCapacityCannotGoBelowItsConfirmedCount() {
        long id = event(Duration.ofDays(20), 2);
        ProgrammeItem session = item(id, "Sessie A");
        signUp(id, "een", session.id);
        signUp(id, "twee", session.id);
        AdminClient organiser = organiser(id, "/programme");
        saveSession(organiser, id, session, "1").then().statusCode(422)
                .body(containsString("Er zijn al 2 deelnemers bevestigd voor deze sessie"));
        assertEquals(2, item(id, "Sessie A").capacity);
    }

    @Test
    void raisingASessionsCapacityPromotesFromTheWaitingListAtOnce() {
        long id = event(Duration.ofDays(20), 1);
        ProgrammeItem session = item(id, "Sessie A");
        signUp(id, "eerste", session.id);
        signUp(id, "wachtende", session.id);
        assertEquals(RegistrationStatus.WAITLISTED, status(id, "wachtende"));
        AdminClient organiser = organiser(id, "/programme");
        saveSession(organiser, id, session, "2").then().statusCode(303);
        assertEquals(RegistrationStatus.CONFIRMED, status(id, "wachtende"));
        assertEquals(2, item(id, "Sessie A").confirmedCount);
    }

    @Test
    void aSessionWithRegistrationsCannotBeRemoved() {
        long id = event(Duration.ofDays(20), 5);
        ProgrammeItem session = item(id, "Sessie A");
        signUp(id, "iemand", session.id);
        AdminClient organiser = organiser(id, "/programme");
        organiser.post().formParam("itemId", session.id).post("/admin/events/" + id + "/programme/remove")
                .then().statusCode(409)
                .body(containsString("De sessie ‘Sessie A’ kan niet worden verwijderd: er staan nog aanmeldingen op (1)."));
        assertNotNull(item(id, "Sessie A"));
    }

    @Test
    void aNewSpeakerCreatedInlineAppearsInTheLibraryAndOnThePublicPage() {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/programme");
        Instant start = start(id);
        String name = "Inline Spreker " + System.nanoTime();
        save(organiser, id, Map.of("kind", "PLENARY", "startsAt", local(start), "endsAt", local(start.plusSeconds(600)),
                "titleNl", "Keynote", "newSpeakerName", name, "newSpeakerOrganisation", "Testbureau"))
                .then().statusCode(303);
        organiser.get("/admin/speakers").then().statusCode(200).body(containsString(name));
        given().get("/events/" + slug(id)).then().body(containsString(name));
        AdminClient outsider = AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD);
        outsider.get("/admin/speakers").then().statusCode(200).body(not(containsString(name)));
    }

    // ------------------------------------------------------------------ form

    @Test
    void changingTheFormKeepsTheAnswersGivenAndThePublicFormShowsTheNewField() {
        long id = event(Duration.ofDays(20), 0);
        String slug = slug(id);
        AdminClient organiser = organiser(id, "/form");
        saveField(organiser, id, Map.of("type", "TEXT", "labelNl", "Dieetwensen", "labelEn", "Dietary needs"))
                .then().statusCode(303);
        String dietKey = field(id, "Dieetwensen").fieldKey;
        registrations.signUp(slug, new SignupInput(Map.of(FormField.FIRST_NAME, List.of("Anna"),
                FormField.LAST_NAME, List.of("Bakker"), FormField.EMAIL, List.of("anna-" + id + "@example.org"),
                FormField.ORGANISATION, List.of("Gemeente"), dietKey, List.of("Vegetarisch")), List.of(), false),
                Locale.forLanguageTag("nl"));

        saveField(organiser, id, Map.of("type", "SELECT", "labelNl", "Lunch", "labelEn", "Lunch choice",
                "optionsNl", "Ja\nNee", "optionsEn", "Yes\nNo", "required", "true")).then().statusCode(303);
        long lunch = field(id, "Lunch").id;
        organiser.get("/admin/events/" + id + "/form");
        organiser.post().formParam("fieldId", field(id, "Dieetwensen").id)
                .post("/admin/events/" + id + "/form/remove").then().statusCode(303);
        organiser.post().formParam("fieldId", lunch).formParam("direction", "up")
                .post("/admin/events/" + id + "/form/move").then().statusCode(303);

        String form = given().get("/events/" + slug + "/register").asString();
        assertTrue(form.contains(">Lunch <abbr"), form);
        assertFalse(form.contains("Dieetwensen"));
        assertTrue(form.indexOf(">Lunch <abbr") < form.indexOf("field-role"), "moved above the last standard field");
        given().cookie("lang", "en").get("/events/" + slug + "/register").then()
                .body(containsString("Lunch choice")).body(containsString(">Yes</option>"))
                .body(containsString("value=\"Ja\""));
        assertEquals("Vegetarisch", answers(id, "anna-" + id + "@example.org").get(dietKey));

        // Anna changes her registration on the new form: her answer to the removed question stays.
        String token = QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find(
                "event.id = ?1 and email = ?2", id, "anna-" + id + "@example.org").firstResult().token);
        registrations.update(token, new SignupInput(Map.of(FormField.FIRST_NAME, List.of("Anna"),
                FormField.LAST_NAME, List.of("Bakker"), FormField.EMAIL, List.of("anna-" + id + "@example.org"),
                FormField.ORGANISATION, List.of("Gemeente"), field(id, "Lunch").fieldKey, List.of("Nee")), List.of(),
                false), Locale.forLanguageTag("nl"));
        Map<String, String> after = answers(id, "anna-" + id + "@example.org");
        assertEquals("Vegetarisch", after.get(dietKey));
        assertEquals("Nee", after.get(field(id, "Lunch").fieldKey));
        // Stored in Dutch, read in the person's language.
        given().cookie("lang", "en").get("/registrations/" + token).then().statusCode(200)
                .body(containsString("<dt>Lunch choice</dt>\n  <dd>No</dd>"));
        organiser.get("/admin/events/" + id + "/form").then().statusCode(200)
                .body(containsString("Voorbeeld van het formulier")).body(containsString("id=\"field-" + field(id, "Lunch").fieldKey + "\""));
    }

    @Test
    void aRequiredFieldIsEnforcedOnThePublicFormInBothLanguages() {
        long id = event(Duration.ofDays(20), 0);
        String slug = slug(id);
        AdminClient organiser = organiser(id, "/form");
        saveField(organiser, id, Map.of("type", "TEXT", "labelNl", "Gemeente van herkomst",
                "labelEn", "Home municipality", "required", "true")).then().statusCode(303);
        for (String lang : List.of("nl", "en")) {
            Response form = given().cookie("lang", lang).get("/events/" + slug + "/register");
            String token = token(form.asString());
            Response answer = given().cookie("lang", lang).cookies(form.getCookies()).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("_csrf", token).formParam(FormField.FIRST_NAME, "Piet")
                    .formParam(FormField.LAST_NAME, "Jansen").formParam(FormField.EMAIL, "piet-" + id + lang + "@example.org")
                    .formParam(FormField.ORGANISATION, "Provincie")
                    .post("/events/" + slug + "/register");
            assertEquals(422, answer.statusCode(), answer.asString());
            assertTrue(answer.asString().contains(lang.equals("en") ? "Home municipality" : "Gemeente van herkomst"));
        }
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Registration.count("event.id", id)));
    }

    // ------------------------------------------------------------------ materials

    @Test
    void materialsAreShownOnThePastEventPageAndInPastEvents() {
        long id = event(Duration.ofDays(-3), 0);
        AdminClient organiser = organiser(id, "/materials");
        organiser.post().formParam("materialKind", "SLIDES").formParam("titleNl", "Sheets").formParam("url", "javascript:alert(1)")
                .post("/admin/events/" + id + "/materials/add").then().statusCode(422)
                .body(containsString("Vul een webadres in dat begint met https://"));
        organiser.post().formParam("materialKind", "RECORDING").formParam("titleNl", "Opname van de middag " + id)
                .formParam("titleEn", "Recording of the afternoon " + id).formParam("url", "https://video.example.org/" + id)
                .post("/admin/events/" + id + "/materials/add").then().statusCode(303);
        given().get("/events/" + slug(id)).then().statusCode(200)
                .body(containsString("Opname van de middag " + id))
                .body(containsString("href=\"https://video.example.org/" + id + "\""));
        given().get("/events/" + slug(id) + "?lang=en").then().body(containsString("Recording of the afternoon " + id));
        given().get("/events/past").then().body(containsString("Opname van de middag " + id));
    }

    // ------------------------------------------------------------------ images

    @Test
    void anUploadedJpegIsServedWithoutItsExifAndWithLongCacheHeaders() throws IOException {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        byte[] jpeg = jpegWithExif();
        assertTrue(new String(jpeg, StandardCharsets.ISO_8859_1).contains("GPS-SECRET-52.09N"));
        upload(organiser, "/admin/events/" + id + "/image", jpeg, "foto.jpg", "Zaal vol mensen", "A full room")
                .then().statusCode(303);
        String page = given().get("/events/" + slug(id)).asString();
        Matcher url = IMAGE_URL.matcher(page);
        assertTrue(url.find(), "image on the event page");
        assertTrue(page.contains("alt=\"Zaal vol mensen\""));
        assertTrue(given().get("/events/" + slug(id) + "?lang=en").asString().contains("alt=\"A full room\""));
        Response image = given().get(url.group());
        image.then().statusCode(200).contentType(equalTo("image/jpeg"))
                .header("Cache-Control", containsString("immutable"))
                .header("Cache-Control", containsString("max-age=31536000"))
                .header("X-Content-Type-Options", "nosniff");
        byte[] served = image.asByteArray();
        assertNotNull(ImageIO.read(new java.io.ByteArrayInputStream(served)));
        String bytes = new String(served, StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("GPS-SECRET-52.09N"));
        assertFalse(bytes.contains("Exif"));
        given().get(url.group().replaceFirst("-[0-9a-f]{16}", "-0000000000000000")).then().statusCode(404);
    }

    @Test
    void aPhotoTakenWithThePhoneTurnedIsStoredUprightAndWithoutExif() throws Exception {
        byte[] turned = photo(6);
        assertEquals(6, com.drew.imaging.ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(turned))
                .getFirstDirectoryOfType(com.drew.metadata.exif.ExifIFD0Directory.class)
                .getInt(com.drew.metadata.exif.ExifIFD0Directory.TAG_ORIENTATION), "the test photo carries Orientation=6");
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        upload(organiser, "/admin/events/" + id + "/image", turned, "telefoon.jpg", "Staande foto", "")
                .then().statusCode(303);
        StoredImage stored = storedImage(id);
        assertEquals(40, stored.width, "upright width");
        assertEquals(60, stored.height, "upright height");

        byte[] served = given().get(stored.url()).then().statusCode(200).extract().asByteArray();
        BufferedImage upright = ImageIO.read(new java.io.ByteArrayInputStream(served));
        assertEquals(40, upright.getWidth());
        assertEquals(60, upright.getHeight());
        assertTrue(red(upright, 5, 5), "the camera's bottom-left quarter is now the top left");
        assertTrue(blue(upright, 35, 5), "the camera's top left is now the top right");
        assertTrue(blue(upright, 5, 55));
        assertFalse(new String(served, StandardCharsets.ISO_8859_1).contains("Exif"));
        assertTrue(com.drew.imaging.ImageMetadataReader.readMetadata(new java.io.ByteArrayInputStream(served))
                .getDirectoriesOfType(com.drew.metadata.exif.ExifIFD0Directory.class).isEmpty(), "no EXIF left");
    }

    @Test
    void aPhotoWithOrientationOneOrWithoutExifIsStoredAsItIs() throws Exception {
        for (Integer orientation : java.util.Arrays.asList(1, null)) {
            long id = event(Duration.ofDays(20), 0);
            AdminClient organiser = organiser(id, "/image");
            upload(organiser, "/admin/events/" + id + "/image", photo(orientation), "foto.jpg", "Liggende foto", "")
                    .then().statusCode(303);
            StoredImage stored = storedImage(id);
            assertEquals(60, stored.width, "orientation " + orientation);
            assertEquals(40, stored.height, "orientation " + orientation);
            BufferedImage served = ImageIO.read(given().get(stored.url()).then().statusCode(200).extract().asInputStream());
            assertEquals(60, served.getWidth());
            assertTrue(blue(served, 5, 5), "orientation " + orientation + ": top left as taken");
            assertTrue(red(served, 5, 35), "orientation " + orientation + ": bottom left as taken");
        }
    }

    @Test
    void removingTheEventImageDeletesItsStoredRow() throws IOException {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        upload(organiser, "/admin/events/" + id + "/image", photo(null), "foto.jpg", "Foto", "").then().statusCode(303);
        StoredImage first = storedImage(id);
        upload(organiser, "/admin/events/" + id + "/image", photo(6), "foto.jpg", "Foto", "").then().statusCode(303);
        StoredImage second = storedImage(id);
        assertTrue(first.id != second.id.longValue());
        assertFalse(imageRowExists(first.id), "a replaced image is deleted");
        assertTrue(organiser.get("/admin/events/" + id).asString().contains("src=\"" + second.url() + "\""),
                "the event's hub shows its image");

        organiser.get("/admin/events/" + id + "/image");
        organiser.post().post("/admin/events/" + id + "/image/remove").then().statusCode(303);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(id).image == null));
        assertFalse(imageRowExists(second.id), "a removed image is deleted");
        assertTrue(organiser.get("/admin/events/" + id).asString().contains("Nog geen afbeelding"),
                "without an image the hub says so and links to the upload");
        given().get(second.url()).then().statusCode(404);
    }

    @Test
    void forgetUnusedDeletesAnImageOnlyWhenNothingUsesItAnyMore() throws IOException {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        upload(organiser, "/admin/events/" + id + "/image", photo(null), "foto.jpg", "Foto", "").then().statusCode(303);
        long imageId = storedImage(id).id;
        assertFalse(QuarkusTransaction.requiringNew().call(() -> imageEditor.forgetUnused(imageId)), "still in use");
        assertTrue(imageRowExists(imageId));
        // What deleting the event does: the link goes first, then the image is forgotten.
        assertTrue(QuarkusTransaction.requiringNew().call(() -> {
            Event.<Event>findById(id).image = null;
            return imageEditor.forgetUnused(imageId);
        }));
        assertFalse(imageRowExists(imageId));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> imageEditor.forgetUnused(imageId)), "already gone");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> imageEditor.forgetUnused(null)));
    }

    @Test
    void anUploadThatIsTooLargeNotAnImageTooManyPixelsOrWithoutAltIsRefusedWithAClearMessage() throws IOException {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        String path = "/admin/events/" + id + "/image";
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        big[0] = (byte) 0xff;
        big[1] = (byte) 0xd8;
        big[2] = (byte) 0xff;
        upload(organiser, path, big, "groot.jpg", "Groot", "").then().statusCode(422)
                .body(containsString("Het bestand is te groot: ten hoogste 5 MB."));
        upload(organiser, path, "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "x.jpg", "Iets", "")
                .then().statusCode(422).body(containsString("Dit bestand is geen JPEG-, PNG- of WebP-afbeelding."));
        upload(organiser, path, pngClaiming(100_000, 100_000), "bom.png", "Bom", "").then().statusCode(422)
                .body(containsString("De afbeelding is te groot: ten hoogste 6000 pixels breed en hoog."));
        upload(organiser, path, jpegWithExif(), "foto.jpg", "", "").then().statusCode(422)
                .body(containsString("Beschrijf de afbeelding in het Nederlands (alt-tekst)"));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(id).image == null));
    }

    @Test
    void aWebpUploadIsStoredAsAJpegEveryBrowserCanShow() {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        // A 1 x 1 lossy WebP (the one feature detection scripts use).
        byte[] webp = java.util.Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        upload(organiser, "/admin/events/" + id + "/image", webp, "klein.webp", "Een stip", "").then().statusCode(303);
        Matcher url = IMAGE_URL.matcher(given().get("/events/" + slug(id)).asString());
        assertTrue(url.find());
        assertTrue(url.group().endsWith(".jpg"), url.group());
        given().get(url.group()).then().statusCode(200).contentType(equalTo("image/jpeg"));
    }

    @Test
    void aBrokenMultipartBodyIsAClientErrorNotAServerError() {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        for (String body : List.of("garbage", "--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc",
                "--x--\r\n")) {
            // Sent by hand: REST Assured will not send a malformed multipart body.
            String cookies = organiser.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://localhost:" + io.restassured.RestAssured.port + "/admin/events/" + id + "/image"))
                    .header("Content-Type", "multipart/form-data; boundary=x").header("Cookie", cookies)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            int status;
            String answer;
            try {
                var response = java.net.http.HttpClient.newHttpClient().send(request,
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                answer = response.body();
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
            assertTrue(status >= 400 && status < 500, body + " answered " + status + ": " + answer);
        }
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() throws IOException {
        long id = event(Duration.ofDays(20), 0);
        AdminClient organiser = organiser(id, "/image");
        organiser.request().redirects().follow(false).multiPart("file", "foto.jpg", jpegWithExif(), "image/jpeg")
                .multiPart("altNl", "Foto").post("/admin/events/" + id + "/image").then().statusCode(403);
    }

    @Test
    void aSpeakerPortraitIsUploadedOnTheSpeakerPageAndShownPublicly() throws IOException {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/speakers/new").then().statusCode(200);
        String name = "Portret Spreker " + System.nanoTime();
        Response created = organiser.post().formParam("name", name).formParam("bioNl", "Onderzoeker.")
                .formParam("bioEn", "Researcher.").post("/admin/speakers");
        created.then().statusCode(303);
        String speakerPath = created.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        organiser.get(speakerPath).then().statusCode(200).body(containsString(name));
        upload(organiser, speakerPath + "/portrait", png(), "p.png", "Portret van " + name, "")
                .then().statusCode(303);
        // Speaker pages exist for people who speak somewhere: put them in a programme.
        long id = event(Duration.ofDays(20), 0);
        Instant start = start(id);
        organiser.get("/admin/events/" + id + "/programme");
        save(organiser, id, Map.of("kind", "PLENARY", "startsAt", local(start), "endsAt", local(start.plusSeconds(600)),
                "titleNl", "Lezing", "speakers", speakerPath.replaceFirst(".*/", ""))).then().statusCode(303);
        String slug = QuarkusTransaction.requiringNew().call(() -> nl.kennisagenda.event.Speaker
                .<nl.kennisagenda.event.Speaker>find("name", name).firstResult().slug);
        String page = given().get("/speakers/" + slug + "?lang=en").asString();
        assertTrue(IMAGE_URL.matcher(page).find(), page);
        assertTrue(page.contains("alt=\"Portret van " + name + "\" lang=\"nl\""), "Dutch alt text marked as Dutch");
        assertTrue(page.contains("Researcher."));
        AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD).get(speakerPath).then().statusCode(403);
    }

    // ------------------------------------------------------------------ access

    @Test
    void anObserverReadsTheEditorsButChangesNothingAndAnOutsiderIsRefused() {
        long id = event(Duration.ofDays(20), 0);
        AdminClient observer = AdminClient.loggedIn(OBSERVER, "een-lang-wachtwoord");
        for (String page : List.of("/programme", "/form", "/materials", "/image")) {
            observer.get("/admin/events/" + id + page).then().statusCode(200)
                    .body(containsString("U kunt dit lezen, niet wijzigen."))
                    .body(not(containsString("enctype=\"multipart/form-data\"")))
                    .body(not(containsString("action=\"/admin/events/" + id + page + "/save\"")))
                    .body(not(containsString("/add\"")));
        }
        Instant start = start(id);
        save(observer, id, Map.of("kind", "PLENARY", "startsAt", local(start), "endsAt", local(start.plusSeconds(60)),
                "titleNl", "Mag niet")).then().statusCode(403);
        observer.post().formParam("materialKind", "LINK").formParam("titleNl", "x").formParam("url", "https://example.org")
                .post("/admin/events/" + id + "/materials/add").then().statusCode(403);
        AdminClient outsider = AdminClient.loggedIn(OUTSIDER, AdminClient.DEMO_PASSWORD);
        outsider.get("/admin/events/" + id + "/programme").then().statusCode(403);
        save(outsider, id, Map.of("kind", "PLENARY", "startsAt", local(start), "endsAt", local(start.plusSeconds(60)),
                "titleNl", "Mag niet")).then().statusCode(403);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ProgrammeItem.count("event.id", id)) == 0);
    }

    // ------------------------------------------------------------------ helpers

    /** A Platform31 event (published) starting after {@code startsIn}; with a session capacity: one breakout session. */
    private static long event(Duration startsIn, int sessionCapacity) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Event event = new Event();
            event.organisation = Organisation.findBySlug("platform31").orElseThrow();
            event.slug = "editor-test-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
            event.title = "Editortest " + event.slug;
            event.format = EventFormat.IN_PERSON;
            event.venueName = "Zaal";
            event.startsAt = Instant.now().plus(startsIn).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            event.endsAt = event.startsAt.plus(Duration.ofHours(4));
            event.capacity = 100;
            event.status = EventStatus.PUBLISHED;
            event.persist();
            List<FormField> form = new ArrayList<>(StandardFormFields.forEvent(event));
            if (sessionCapacity > 0) {
                ProgrammeItem item = new ProgrammeItem();
                item.event = event;
                item.startsAt = event.startsAt.plus(Duration.ofHours(1));
                item.endsAt = item.startsAt.plus(Duration.ofHours(1));
                item.title = "Sessie A";
                item.kind = ProgrammeItemKind.BREAKOUT;
                item.roundNumber = 1;
                item.capacity = sessionCapacity;
                item.persist();
                form.add(StandardFormFields.field(event, 5, FormField.SESSIONS, "Deelsessie", "Breakout session",
                        FieldType.BREAKOUT_CHOICE, true, null));
            }
            form.forEach(field -> field.persist());
            return event.id;
        });
    }

    private void signUp(long eventId, String name, long sessionId) {
        registrations.signUp(slug(eventId), new SignupInput(Map.of(FormField.FIRST_NAME, List.of(name),
                FormField.LAST_NAME, List.of("Test"), FormField.EMAIL, List.of(name + "-" + eventId + "@example.org"),
                FormField.ORGANISATION, List.of("Gemeente")), List.of(String.valueOf(sessionId)), false),
                Locale.forLanguageTag("nl"));
    }

    private static RegistrationStatus status(long eventId, String name) {
        return QuarkusTransaction.requiringNew().call(() -> Registration.<Registration>find("event.id = ?1 and email = ?2",
                eventId, name + "-" + eventId + "@example.org").firstResult().status);
    }

    private static Map<String, String> answers(long eventId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> Map.copyOf(Registration.<Registration>find(
                "event.id = ?1 and email = ?2", eventId, email).firstResult().answers));
    }

    private static AdminClient organiser(long eventId, String page) {
        AdminClient organiser = AdminClient.loggedIn(ORGANISER, AdminClient.DEMO_PASSWORD);
        organiser.get("/admin/events/" + eventId + page).then().statusCode(200)
                .header("Cache-Control", "no-store");
        return organiser;
    }

    private static Response save(AdminClient client, long eventId, Map<String, String> fields) {
        var request = client.post();
        fields.forEach(request::formParam);
        return request.post("/admin/events/" + eventId + "/programme/save");
    }

    private static Response saveSession(AdminClient client, long eventId, ProgrammeItem session, String capacity) {
        return save(client, eventId, Map.of("itemId", String.valueOf(session.id), "kind", "BREAKOUT",
                "startsAt", local(session.startsAt), "endsAt", local(session.endsAt), "titleNl", session.title,
                "round", "1", "capacity", capacity));
    }

    private static Response saveField(AdminClient client, long eventId, Map<String, String> fields) {
        var request = client.post();
        fields.forEach(request::formParam);
        return request.post("/admin/events/" + eventId + "/form/save");
    }

    private static Response upload(AdminClient client, String path, byte[] file, String name, String altNl,
            String altEn) {
        return client.request().redirects().follow(false).multiPart("_csrf", client.csrf)
                .multiPart("file", name, file, "image/jpeg").multiPart("altNl", altNl).multiPart("altEn", altEn)
                .post(path);
    }

    /** The event's stored image, detached (without its bytes). */
    private static StoredImage storedImage(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredImage image = Event.<Event>findById(eventId).image;
            assertNotNull(image, "event has an image");
            image.url(); // touches the fields the test reads
            return image;
        });
    }

    private static boolean imageRowExists(long imageId) {
        return QuarkusTransaction.requiringNew().call(() -> StoredImage.findById(imageId) != null);
    }

    private static boolean red(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        return c.getRed() > 180 && c.getGreen() < 80 && c.getBlue() < 80;
    }

    private static boolean blue(BufferedImage image, int x, int y) {
        Color c = new Color(image.getRGB(x, y));
        return c.getBlue() > 180 && c.getRed() < 80 && c.getGreen() < 80;
    }

    private static ProgrammeItem item(long eventId, String title) {
        return QuarkusTransaction.requiringNew().call(() -> ProgrammeItem.<ProgrammeItem>find(
                "event.id = ?1 and title = ?2", eventId, title).firstResult());
    }

    private static FormField field(long eventId, String labelNl) {
        return QuarkusTransaction.requiringNew().call(() -> FormField.<FormField>find(
                "event.id = ?1 and labelNl = ?2", eventId, labelNl).firstResult());
    }

    private static String slug(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(eventId).slug);
    }

    private static Instant start(long eventId) {
        return QuarkusTransaction.requiringNew().call(() -> Event.<Event>findById(eventId).startsAt);
    }

    private static String local(Instant instant) {
        return Dates.local(instant).toLocalDateTime().withSecond(0).withNano(0).toString();
    }

    private static String token(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    /** A small JPEG with an EXIF block (APP1) right after the start marker, carrying a recognisable text. */
    private static byte[] jpegWithExif() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        byte[] tiff = ByteBuffer.allocate(14).put(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0 }).array();
        byte[] text = "GPS-SECRET-52.09N".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = ByteBuffer.allocate(6 + tiff.length + text.length).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff).put(text).array();
        return withApp1(jpeg, payload);
    }

    /**
     * A 60 x 40 JPEG as a camera stores it: blue, with a red quarter at the bottom left (x 0-29, y 20-39). With the
     * given EXIF orientation (none when null): shown turned 90 degrees clockwise (6), that red quarter is the top left.
     */
    private static byte[] photo(Integer orientation) throws IOException {
        BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 60, 40);
        g.setColor(Color.RED);
        g.fillRect(0, 20, 30, 20);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        if (orientation == null) {
            return plain.toByteArray();
        }
        // "Exif\0\0", then TIFF little-endian: header, IFD0 with one entry (0x0112 Orientation, SHORT, 1 value), no next IFD.
        byte[] payload = ByteBuffer.allocate(6 + 26).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(new byte[] { 'I', 'I' }).putShort((short) 42)
                .putInt(8).putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1)
                .putShort(orientation.shortValue()).putShort((short) 0).putInt(0).array();
        return withApp1(plain.toByteArray(), payload);
    }

    /** The JPEG with an APP1 segment holding the payload right after the start marker. */
    private static byte[] withApp1(byte[] jpeg, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xff);
        out.write(0xe1);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(30, 30, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG whose header claims the given size (with a valid header checksum) and holds almost nothing else. */
    private static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width)
                .putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(header.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4 + 12)
                .put(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a }).putInt(13).put(header.array())
                .putInt((int) crc.getValue()).putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt(0xae426082)
                .array();
    }
}
