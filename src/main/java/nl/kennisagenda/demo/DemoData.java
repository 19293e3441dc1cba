package nl.kennisagenda.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import nl.kennisagenda.config.SiteConfig;
import nl.kennisagenda.event.Event;
import nl.kennisagenda.event.EventFormat;
import nl.kennisagenda.event.EventMaterial;
import nl.kennisagenda.event.EventStatus;
import nl.kennisagenda.event.FieldType;
import nl.kennisagenda.event.FormField;
import nl.kennisagenda.event.MaterialKind;
import nl.kennisagenda.event.Organisation;
import nl.kennisagenda.event.ProgrammeItem;
import nl.kennisagenda.event.ProgrammeItemKind;
import nl.kennisagenda.event.Speaker;
import nl.kennisagenda.event.StandardFormFields;
import nl.kennisagenda.i18n.Dates;
import nl.kennisagenda.newsletter.IssueStatus;
import nl.kennisagenda.newsletter.NewsletterIssue;
import nl.kennisagenda.newsletter.issue.IssueEditions;
import nl.kennisagenda.newsletter.issue.NewsletterSettings;

/**
 * Demo content for a fresh database: the events that inspired the platform, placed in the coming weeks counted
 * from the day of seeding so that a new start always shows upcoming events, plus one past event with materials.
 * All texts are our own; contact addresses use example.org.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final Duration SEEDING_WAIT = Duration.ofMinutes(5);

    @Inject
    SiteConfig site;

    @Inject
    IssueEditions newsletterEditions;

    void onStart(@Observes StartupEvent start) {
        if (site.demoData()) {
            seedIfEmpty(LocalDate.now(Dates.AMSTERDAM));
        }
    }

    /**
     * Seeds the demo events relative to {@code today}, unless the database already holds events. Instances that
     * start at the same time on an empty database queue on the {@code demo-data} lock row: the first seeds, the
     * others then find its events and do nothing (instead of failing on duplicate slugs). Seeding can outlast the
     * database's lock timeout (10 s) on a busy machine, so a waiting instance asks for the lock again rather than
     * fail its start, up to {@link #SEEDING_WAIT}.
     */
    public boolean seedIfEmpty(LocalDate today) {
        Instant deadline = Instant.now().plus(SEEDING_WAIT);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> seedLocked(today));
            } catch (RuntimeException e) {
                if (!isLockTimeout(e) || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                LOG.info("Another instance is loading the demo content; waiting for it");
            }
        }
    }

    private static boolean isLockTimeout(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof LockTimeoutException || t instanceof PessimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private boolean seedLocked(LocalDate today) {
        Event.getEntityManager()
                .createNativeQuery("select name from app_locks where name = 'demo-data' for update")
                .getResultList();
        if (Event.count() > 0) {
            return false;
        }
        Organisation platform31 = organisation("platform31", "Platform31", null, "https://www.platform31.nl",
                "Kennis- en netwerkorganisatie voor stad en regio: wonen, werken, leefbaarheid en gezondheid.");
        Organisation vilans = organisation("vilans", "Vilans", null, "https://www.vilans.nl",
                "Kenniscentrum voor de langdurige zorg en ondersteuning.");
        Organisation inEen = organisation("ineen", "InEen", null, "https://ineen.nl",
                "Vereniging van regionale organisaties in de eerste lijn: huisartsenposten, zorggroepen en gezondheidscentra.");
        Organisation vws = organisation("vws", "Ministerie van Volksgezondheid, Welzijn en Sport", "VWS",
                "https://www.rijksoverheid.nl/ministeries/ministerie-van-volksgezondheid-welzijn-en-sport",
                "Het ministerie dat zorgt voor een goede gezondheid en zorg voor iedereen in Nederland.");
        Organisation vng = organisation("vng", "Vereniging van Nederlandse Gemeenten", "VNG", "https://vng.nl",
                "De vereniging van alle Nederlandse gemeenten.");
        Organisation zn = organisation("zn", "Zorgverzekeraars Nederland", "ZN", "https://www.zn.nl",
                "De brancheorganisatie van de zorgverzekeraars.");
        // No short name: "ESHPM" means nothing to most visitors, so cards spell the school out.
        Organisation erasmus = organisation("erasmus-eshpm", "Erasmus School of Health Policy & Management", null,
                "https://www.eur.nl/eshpm", "Onderzoek en onderwijs naar zorgbeleid en -organisatie aan de Erasmus Universiteit Rotterdam.");
        Organisation vlissingen = organisation("gemeente-vlissingen", "Gemeente Vlissingen", null,
                "https://www.vlissingen.nl", "Gemeente aan de Zeeuwse kust.");

        seedPrimaryCareWebinar(platform31, nextWeekday(today.plusDays(10), DayOfWeek.THURSDAY));
        seedRegionalGeneralistCare(vilans, List.of(vws, erasmus), nextWeekday(today.plusDays(24), DayOfWeek.THURSDAY));
        seedRegionPlanSeminar(vws, List.of(vng, zn), nextWeekday(today.plusDays(38), DayOfWeek.TUESDAY));
        seedVlissingen(inEen, List.of(vlissingen), nextWeekday(today.plusDays(52), DayOfWeek.WEDNESDAY));
        seedPastNeighbourhoodWebinar(inEen, nextWeekday(today.minusDays(21), DayOfWeek.TUESDAY));
        nl.kennisagenda.newsletter.subscription.DemoSubscribers.seed(platform31, vilans, java.time.Instant.now());
        seedSentNewsletter(platform31);
        LOG.infof("Demo content loaded: %d events of %d organisations", Event.count(), Organisation.count());
        return true;
    }

    /** One sent issue of Platform31's newsletter, frozen from the demo calendar, so the public archive shows one. */
    private void seedSentNewsletter(Organisation platform31) {
        Instant now = Instant.now();
        NewsletterIssue issue = new NewsletterIssue();
        issue.organisation = platform31;
        issue.subjectNl = "Nieuwsbrief Platform31: eerstelijnszorg in de wijk";
        issue.introNl = "Welkom bij de nieuwsbrief van Platform31. Deze keer: een webinar over **ruimte voor"
                + " eerstelijnszorg** in wijken en dorpen.";
        issue.subjectEn = "Platform31 newsletter: primary care in the neighbourhood";
        issue.introEn = "Welcome to the Platform31 newsletter. This time: a webinar on **room for primary care**.";
        issue.createdAt = now;
        issue.updatedAt = now;
        issue.persist();
        newsletterEditions.freeze(issue, NewsletterSettings.of(platform31.id), now, now);
        issue.status = IssueStatus.SENT;
        issue.sentAt = now;
    }

    private void seedPrimaryCareWebinar(Organisation platform31, LocalDate day) {
        Event event = event(platform31, "ruimte-voor-eerstelijnszorg",
                "Ruimte voor eerstelijnszorg: wat kunnen gemeenten doen?", EventFormat.ONLINE,
                day, "10:30", "12:00", 300);
        event.practical.onlineAccessibility = "De opname komt na afloop met ondertiteling op deze pagina.";
        event.practical.onlineAccessibilityEn = "The recording appears on this page afterwards, with subtitles.";
        event.practical.privacyNote = "Het webinar wordt opgenomen. Deelnemers zijn niet in beeld; vragen stel je "
                + "via de chat, en in de opname noemen we geen namen.";
        event.summary = "Huisartsen en andere eerstelijnszorg vinden steeds moeilijker betaalbare ruimte in de wijk. "
                + "In dit webinar laten gemeenten zien welke aanpakken werken.";
        event.description = """
                Een huisartsenpraktijk om de hoek is voor een leefbare buurt net zo belangrijk als een school of een \
                speelplek. Toch staan eerstelijnszorgaanbieders in veel steden onder druk: de huren stijgen, er is \
                weinig ruimte om uit te breiden en de vraag naar zorg in de wijk groeit juist.

                Gemeenten hebben formeel geen taak in de huisvesting van huisartsen, maar wel een groot belang bij \
                zorg dichtbij inwoners, zeker in wijken waar gezondheidsverschillen groot zijn. Hoe houd je ruimte \
                betaalbaar, hoe maak je nieuwe ruimte en hoe benut je wat er al is beter?

                In dit webinar horen we hoe Rotterdam en Groningen dit aanpakken, en praten deelnemers met de \
                sprekers en met elkaar over wat in hun eigen gemeente kan werken.""";
        event.themes.addAll(List.of("Eerstelijnszorg", "Wonen en ruimte", "Gezondheid in de wijk"));
        event.onlinePlatform = "Zoom";
        event.joinUrl = "https://zoom.example.org/j/8123456789?pwd=demo-eerstelijnszorg";
        event.audience = "Voor iedereen die werkt aan ruimte voor maatschappelijke voorzieningen en eerstelijnszorg: "
                + "gemeenten, woningcorporaties, eerstelijnsorganisaties, gebiedsontwikkelaars, zorgverzekeraars "
                + "en vastgoedeigenaren.";
        event.outcomes.addAll(List.of(
                "Je begrijpt waar het huisvestingsvraagstuk van de eerste lijn vastloopt en welke instrumenten je kunt inzetten.",
                "Je wisselt ervaringen uit met andere gemeenten en hun partners over nieuwe aanpakken.",
                "Je gaat naar huis met ideeën om in je eigen organisatie en netwerk anders te werken."));
        contact(event, "Kay Hollanders", "Contactpersoon Platform31", "eerstelijnszorg@example.org");
        event.persist();

        Speaker host = speaker("kay-hollanders", "Kay Hollanders", "Gespreksleider", "Platform31",
                "Werkt bij Platform31 aan gezondheid en voorzieningen in stad en regio.");
        Speaker meijer = speaker("wouter-meijer", "Wouter Meijer", "Spreker", "H-team 010",
                "Betrokken bij H-team 010, waarin gemeente, zorgverzekeraar, huisartsen en partners in Rotterdam "
                        + "samen werken aan huisvesting voor huisartsen.");
        item(event, day, "10:30", "10:45", "Welkom en probleemschets",
                "Waarom de eerste lijn in de knel komt en wat dat betekent voor gemeenten.", ProgrammeItemKind.PLENARY, host);
        item(event, day, "10:45", "11:10", "Praktijkvoorbeeld Rotterdam: het H-team 010",
                "Hoe gemeente, zorgverzekeraar, huisartsenvereniging en partners samen huisvesting regelen.",
                ProgrammeItemKind.PLENARY, meijer);
        // Presented by the municipality's social and physical domain together: an organisation, not a speaker.
        item(event, day, "11:10", "11:30", "Groningen zoekt ruimte",
                "Collega's van de gemeente Groningen uit het sociaal en het fysiek domein vertellen hoe zij samen "
                        + "ruimte zoeken voor huisartsen en andere eerstelijnszorg.",
                ProgrammeItemKind.PLENARY);
        item(event, day, "11:30", "12:00", "In gesprek: wat kan jouw gemeente doen?",
                "Deelnemers wisselen uit over oplossingen en vragen de sprekers het hemd van het lijf.",
                ProgrammeItemKind.PLENARY, host);

        List<FormField> form = new ArrayList<>(StandardFormFields.forEvent(event));
        FormField kind = StandardFormFields.field(event, 5, "organisationType", "Soort organisatie",
                "Type of organisation", FieldType.SELECT, false, null);
        kind.options.addAll(List.of("Gemeente", "Woningcorporatie", "Eerstelijnsorganisatie", "Zorgverzekeraar",
                "Gebiedsontwikkelaar of vastgoedeigenaar", "Anders"));
        form.add(kind);
        FormField question = StandardFormFields.field(event, 6, "question", "Vraag aan de sprekers",
                "Question for the speakers", FieldType.TEXTAREA, false, 1000);
        question.helpNl = "Optioneel: we nemen vragen mee in het gesprek.";
        question.helpEn = "Optional: we take questions into the discussion.";
        form.add(question);
        form.forEach(field -> field.persist());
    }

    private void seedRegionalGeneralistCare(Organisation vilans, List<Organisation> partners, LocalDate day) {
        Event event = event(vilans, "samen-bouwen-aan-medisch-generalistische-zorg",
                "Samen bouwen aan toekomstbestendige medisch generalistische zorg in de regio",
                EventFormat.ONLINE, day, "12:00", "15:00", 250);
        event.partners.addAll(partners);
        event.summary = "Online lunch- en netwerkbijeenkomst over basiszorg voor ouderen en mensen met een beperking: "
                + "wat loopt vast in de regio en hoe krijg je het los?";
        event.description = """
                Steeds meer ouderen en mensen met een beperking wonen langer thuis. Hun zorgvraag wordt complexer, \
                terwijl huisartsen, specialisten ouderengeneeskunde en artsen verstandelijk gehandicapten schaars zijn. \
                Goede basiszorg vraagt dat artsen en organisaties in de regio elkaar vinden en ondersteunen.

                Het programma Medisch generalistische zorg in de regio van VWS en Vilans helpt regio's daarbij met \
                coaches, en de Erasmus School of Health Policy & Management doet er actieonderzoek naar. In deze \
                bijeenkomst delen we de eerste inzichten en gaan we in gesprek over vier terugkerende knelpunten.

                Neem je lunch mee: we beginnen met een informele netwerkronde.""";
        event.themes.addAll(List.of("Ouderenzorg", "Gehandicaptenzorg", "Regionale samenwerking"));
        event.onlinePlatform = "Zoom";
        event.joinUrl = "https://zoom.example.org/j/8456712345?pwd=demo-mgz";
        event.audience = "Voor huisartsen, specialisten ouderengeneeskunde, artsen verstandelijk gehandicapten, "
                + "bestuurders en beleidsmakers van zorgorganisaties, zorgverzekeraars en gemeenten die werken aan "
                + "basiszorg in hun regio.";
        event.outcomes.addAll(List.of(
                "Je hoort welke knelpunten regio's tegenkomen en wat onderzoek daarover zegt.",
                "Je leert van regio's die samenwerking tussen artsen al van de grond kregen.",
                "Je breidt je netwerk uit met mensen die met dezelfde vragen bezig zijn."));
        contact(event, "Programmateam MGZ in de regio", "Vilans", "mgz@example.org");
        event.persist();

        Speaker berkelaar = speaker("marloes-berkelaar", "Marloes Berkelaar", "Programmamanager", "Vilans",
                "Leidt het programma Medisch generalistische zorg in de regio bij Vilans.");
        Speaker coppes = speaker("saskia-coppes", "Saskia Coppes", "Senior beleidsmedewerker, directie Langdurige Zorg",
                "Ministerie van VWS", "Werkt bij VWS aan beleid voor de basiszorg van kwetsbare groepen.");
        Speaker schuurmans = speaker("jitse-schuurmans", "Jitse Schuurmans", "Senior onderzoeker",
                "Erasmus School of Health Policy & Management",
                "Coördineert het actieonderzoek dat het programma volgt.");
        item(event, day, "12:00", "12:30", "Lunch en netwerkronde", "Kennismaken in kleine groepen, met je eigen lunch.",
                ProgrammeItemKind.PLENARY);
        item(event, day, "12:30", "13:00", "Waarom dit programma?",
                "Over de aanleiding en wat het ministerie met de uitkomsten wil.", ProgrammeItemKind.PLENARY, coppes, berkelaar);
        item(event, day, "13:00", "13:30", "Vier knelpunten uit het onderzoek",
                "Opschalen, samenwerken over domeinen heen, regelruimte in beleid en regionale sturing.",
                ProgrammeItemKind.PLENARY, schuurmans);
        item(event, day, "13:30", "13:45", "Pauze", null, ProgrammeItemKind.BREAK);
        item(event, day, "13:45", "14:30", "Opschalen: van één locatie naar de hele regio",
                "Waarom een geslaagd initiatief zich zo moeilijk laat uitbreiden.", ProgrammeItemKind.BREAKOUT, 1, null);
        item(event, day, "13:45", "14:30", "Samenwerken over de grenzen van domeinen",
                "Huisarts, verpleeghuis en gehandicaptenzorg aan één tafel.", ProgrammeItemKind.BREAKOUT, 1, null);
        item(event, day, "13:45", "14:30", "Regelruimte in het beleid", "Wat mag er al, en waar knellen de regels echt?",
                ProgrammeItemKind.BREAKOUT, 1, null);
        item(event, day, "13:45", "14:30", "Sturen als regio", "Welke instrumenten helpen een regio om keuzes te maken?",
                ProgrammeItemKind.BREAKOUT, 1, null);
        item(event, day, "14:30", "15:00", "Oogst en vervolg", "Wat nemen we mee, en hoe gaat het programma verder?",
                ProgrammeItemKind.PLENARY, berkelaar);

        List<FormField> form = new ArrayList<>(StandardFormFields.forEvent(event));
        form.add(breakoutChoice(event, 5, "Aan welk gesprek doe je mee?", "Which discussion will you join?"));
        form.forEach(field -> field.persist());
    }

    private void seedRegionPlanSeminar(Organisation vws, List<Organisation> partners, LocalDate day) {
        Event event = event(vws, "van-regiobeeld-naar-regioplan", "Van regiobeeld naar regioplan",
                EventFormat.IN_PERSON, day, "12:30", "17:00", 150);
        event.partners.addAll(partners);
        event.summary = "Seminar voor regio's die hun regiobeeld willen omzetten in een regioplan: leren van elkaar, "
                + "met een plenair deel en twee rondes van vier deelsessies.";
        event.description = """
                Regio's hebben in beeld gebracht waar gezondheid, zorg en welzijn de komende jaren knellen. De volgende \
                stap is een regioplan: afspraken tussen gemeenten, zorgaanbieders, zorgverzekeraars en inwoners over hoe \
                ze die knelpunten samen aanpakken.

                Een blauwdruk bestaat niet: elke regio heeft eigen verhoudingen en vraagstukken. Wel kunnen regio's \
                veel van elkaar leren. Daarom brengen VWS, VNG en ZN managers en beleidsadviseurs bij elkaar voor een \
                middag vol praktijkervaring.

                Na het plenaire deel kies je in twee rondes een deelsessie. Elke sessie heeft een beperkt aantal \
                plaatsen, zodat er echt gesprek kan zijn.""";
        event.themes.addAll(List.of("Integraal Zorgakkoord", "Regionale samenwerking", "Gemeenten"));
        event.venueName = "Jaarbeurs Meeting Center";
        event.venueAddress = "Jaarbeursplein 6";
        event.venueCity = "Utrecht";
        event.audience = "Voor managers en beleidsadviseurs van gemeenten, zorgorganisaties, zorgverzekeraars en "
                + "consumenten- en patiëntenorganisaties die werken aan een regioplan.";
        event.outcomes.addAll(List.of(
                "Je hoort hoe andere regio's van regiobeeld naar afspraken komen.",
                "Je bespreekt je eigen vragen in een kleine groep met mensen uit andere regio's.",
                "Je weet wat VWS, VNG en ZN de regio's bieden bij de volgende stap."));
        contact(event, "Team regioplannen", "Ministerie van VWS", "regioplannen@example.org");
        event.practical.costIncludes = "Inclusief lunch vooraf en een borrel na afloop.";
        event.practical.costIncludesEn = "Including lunch beforehand and drinks afterwards.";
        event.practical.venueAccessibility = "Alle zalen zijn zonder drempels bereikbaar en hebben een ringleiding.";
        event.practical.venueAccessibilityEn = "All rooms are step-free and have a hearing loop.";
        event.practical.routeInfo = "Vijf minuten lopen vanaf Utrecht Centraal, uitgang Jaarbeursplein. Wie met de "
                + "auto komt, parkeert in de garage van de Jaarbeurs op eigen kosten.";
        event.practical.routeInfoEn = "A five-minute walk from Utrecht Centraal station, Jaarbeursplein exit. If you "
                + "come by car, park in the Jaarbeurs garage at your own cost.";
        event.persist();

        Speaker beniers = speaker("klaas-beniers", "Klaas Beniers", "Programmadirecteur IZA", "Ministerie van VWS",
                "Verantwoordelijk voor het programma rond het Integraal Zorgakkoord.");
        Speaker vanHolst = speaker("petra-van-holst", "Petra van Holst", "Directeur", "Zorgverzekeraars Nederland",
                "Directeur bij de brancheorganisatie van zorgverzekeraars.");
        Speaker uneken = speaker("hans-uneken", "Hans Uneken", "Directeur maatschappelijke ontwikkeling",
                "Gemeente Utrecht", "Werkt in Utrecht aan gezondheid, welzijn en informele zorg.");
        Speaker strating = speaker("wilja-strating", "Wilja Strating", "Spreker", "Menzis",
                "Zorgverzekeraar met ervaring in regionale samenwerking in het oosten van het land.");
        Speaker dinsbach = speaker("samantha-dinsbach", "Samantha Dinsbach", "Spreker", "Samen Twente",
                "Werkt in Twente aan bestaanszekerheid en zorg in de huisartsenpraktijk.");
        Speaker duterloo = speaker("vanessa-duterloo", "Vanessa Duterloo", "Spreker", "Mooi Maasvallei",
                "Betrokken bij de regionale samenwerking in de Maasvallei.");

        item(event, day, "12:30", "13:00", "Inloop met broodjes", null, ProgrammeItemKind.BREAK);
        item(event, day, "13:00", "13:20", "Opening: het gebeurt in de regio",
                "Waarom regioplannen het hart van het Integraal Zorgakkoord vormen.", ProgrammeItemKind.PLENARY, beniers);
        item(event, day, "13:20", "14:00", "Drie regio's over samenwerken",
                "Ervaringen uit Twente, de Maasvallei en van een zorgverzekeraar.", ProgrammeItemKind.PLENARY,
                strating, dinsbach, duterloo);
        item(event, day, "14:00", "14:20", "Tafelgesprek: voorkomen en verplaatsen",
                "Over personeelstekort, vergrijzing en de grenzen van informele zorg.", ProgrammeItemKind.PLENARY,
                vanHolst, uneken);
        String[][] round1 = {
                {"Bestaanszekerheid in de huisartsenpraktijk", "Hulpverleners uit het sociaal domein in de praktijk: zo werkt het in Twente."},
                {"Bestaande samenwerking benutten", "Bouw je regioplan op wat er al is, in plaats van opnieuw te beginnen."},
                {"Informele zorg: hoe ver reikt het?", "Mantelzorg en vrijwilligers versterken zonder ze te overvragen."},
                {"Van data naar keuzes", "Het regiobeeld als basis voor prioriteiten die iedereen steunt."}};
        String[][] round2 = {
                {"Beginnen bij de uitvoering", "Professionals en inwoners betrekken vóór het plan op papier staat."},
                {"Wie betaalt wat?", "Het gesprek over collectieve middelen, verzekeringen en eigen bijdragen."},
                {"Governance van de regio", "Wie beslist, wie voert uit, en hoe houd je elkaar scherp?"},
                {"Personeel als gedeelde zorg", "Samen opleiden, delen en vasthouden van zorgpersoneel."}};
        Speaker[] hosts1 = {dinsbach, strating, uneken, duterloo};
        Speaker[] hosts2 = {uneken, vanHolst, beniers, strating};
        int[] capacities = {40, 35, 40, 35};
        for (int i = 0; i < 4; i++) {
            ProgrammeItem session = item(event, day, "14:30", "15:30", round1[i][0], round1[i][1],
                    ProgrammeItemKind.BREAKOUT, 1, capacities[i], hosts1[i]);
            session.room = "Zaal " + (char) ('A' + i);
        }
        item(event, day, "15:30", "15:45", "Pauze", null, ProgrammeItemKind.BREAK);
        for (int i = 0; i < 4; i++) {
            ProgrammeItem session = item(event, day, "15:45", "16:45", round2[i][0], round2[i][1],
                    ProgrammeItemKind.BREAKOUT, 2, capacities[3 - i], hosts2[i]);
            session.room = "Zaal " + (char) ('A' + i);
        }
        item(event, day, "16:45", "17:00", "Afsluiting en borrel", "Wat nemen de regio's mee naar huis?",
                ProgrammeItemKind.PLENARY, beniers);

        List<FormField> form = new ArrayList<>(StandardFormFields.forEvent(event));
        form.add(breakoutChoice(event, 5, "Deelsessies", "Breakout sessions"));
        FormField diet = StandardFormFields.field(event, 6, "dietary", "Dieetwensen of allergieën",
                "Dietary requirements or allergies", FieldType.TEXT, false, 200);
        form.add(diet);
        form.forEach(field -> field.persist());
    }

    private void seedVlissingen(Organisation inEen, List<Organisation> partners, LocalDate day) {
        Event event = event(inEen, "gezondheidscentra-vlissingen",
                "Gezondheidscentra Vlissingen: zorg en sociaal domein onder één dak", EventFormat.HYBRID,
                day, "13:30", "17:00", 80);
        event.partners.addAll(partners);
        event.summary = "Werkbezoek en gesprek over gezondheidscentra als samenwerkingsconcept: hoe Vlissingen "
                + "huisartsenzorg en sociaal domein verbindt, en wat andere regio's daarvan kunnen leren.";
        event.description = """
                Zeeland vergrijst, onder inwoners én onder zorgverleners, en veel huisartsen gaan de komende jaren met \
                pensioen. Vlissingen kiest daarom voor gezondheidscentra die meer zijn dan een verzamelgebouw: plekken \
                waar huisarts, wijkverpleging, welzijn en schuldhulp echt samenwerken.

                Tijdens deze middag vertellen gemeente, zorgverzekeraar en huisartsen hoe dat concept tot stand kwam, \
                wat het oplevert voor inwoners met meervoudige problemen en wat het vraagt van organisaties. Je kunt \
                ter plaatse meedoen of online aansluiten.""";
        event.themes.addAll(List.of("Eerstelijnszorg", "Gezondheid in de wijk", "Regionale samenwerking"));
        event.venueName = "Gezondheidscentrum Vlissingen";
        event.venueAddress = "Spuistraat 1";
        event.venueCity = "Vlissingen";
        event.onlinePlatform = "Microsoft Teams";
        event.joinUrl = "https://teams.example.org/l/meetup-join/demo-vlissingen";
        // Hybrid: 80 places on site (the capacity above), 150 online, each with its own waiting list.
        event.onlineCapacity = 150;
        event.practical.costAmount = new java.math.BigDecimal("45.00");
        event.practical.costIncludes = "Voor deelname ter plaatse, inclusief lunch en rondleiding. Online meekijken is "
                + "gratis: kies dat bij je aanmelding.";
        event.practical.routeInfo = "Vanaf station Vlissingen is het tien minuten lopen. In de straten rond het "
                + "gezondheidscentrum kun je gratis parkeren.";
        event.practical.liveCaptions = true;
        event.practical.onlineAccessibility = "Het online deel is met Nederlandse ondertiteling te volgen.";
        event.practical.accreditation = "Aangevraagd bij het Accreditatiebureau Algemene Nascholing (ABAN) voor "
                + "huisartsen: 3 punten.";
        event.practical.privacyNote = "Het plenaire deel wordt opgenomen; in de rondleiding en de gesprekken wordt "
                + "niet gefilmd.";
        event.audience = "Voor huisartsen, bestuurders van gezondheidscentra en zorggroepen, gemeenten en "
                + "zorgverzekeraars die samenwerking tussen zorg en sociaal domein willen versterken.";
        event.outcomes.addAll(List.of(
                "Je ziet hoe een gezondheidscentrum als samenwerkingsconcept in de praktijk werkt.",
                "Je hoort wat gemeente, zorgverzekeraar en huisartsen ieder bijdragen en terugkrijgen.",
                "Je neemt bouwstenen mee om jonge huisartsen aan je regio te binden."));
        contact(event, "Team gezondheidscentra", "InEen", "gezondheidscentra@example.org");
        event.persist();

        Speaker vader = speaker("albert-vader", "Albert Vader", "Wethouder sociaal domein", "Gemeente Vlissingen",
                "Wethouder in Vlissingen met gezondheid en sociaal domein in portefeuille.");
        Speaker schoonhoven = speaker("nathalie-van-schoonhoven", "Nathalie van Schoonhoven", "Zorginkoper", "CZ",
                "Koopt zorg in voor de grootste zorgverzekeraar in Zeeland.");
        Speaker bordui = speaker("mattijs-bordui", "Mattijs Bordui", "Huisarts", "Vlissingen",
                "Huisarts die pleit voor samenwerking over disciplines heen.");
        item(event, day, "13:30", "14:00", "Ontvangst", null, ProgrammeItemKind.BREAK);
        item(event, day, "14:00", "14:30", "Waarom Vlissingen kiest voor gezondheidscentra",
                "Over vergrijzing, praktijkopvolging en Positieve Gezondheid.", ProgrammeItemKind.PLENARY, vader);
        item(event, day, "14:30", "15:00", "Een concept, geen gebouw",
                "Wat een zorgverzekeraar verwacht van samenwerking in de wijk.", ProgrammeItemKind.PLENARY, schoonhoven);
        item(event, day, "15:00", "15:30", "Geen draaideurpatiënten meer",
                "Een huisarts over klachten met een sociale oorzaak en de winst van snel doorverwijzen.",
                ProgrammeItemKind.PLENARY, bordui);
        item(event, day, "15:30", "16:30", "Rondleiding en gesprek", "Op locatie een rondgang, online een gesprek met de sprekers.",
                ProgrammeItemKind.PLENARY, vader, schoonhoven, bordui);
        item(event, day, "16:30", "17:00", "Borrel", null, ProgrammeItemKind.BREAK);

        List<FormField> form = new ArrayList<>(StandardFormFields.forEvent(event));
        // On site or online is not a question of this form: every hybrid event's form asks it (SignupValidator).
        FormField phone = StandardFormFields.field(event, 6, "phone", "Telefoonnummer", "Phone number",
                FieldType.PHONE, false, 40);
        phone.helpNl = "Alleen voor praktische zaken op de dag zelf.";
        phone.helpEn = "Only for practical matters on the day itself.";
        form.add(phone);
        form.forEach(field -> field.persist());
    }

    private void seedPastNeighbourhoodWebinar(Organisation inEen, LocalDate day) {
        Event event = event(inEen, "samenwerken-in-de-wijk", "Samenwerken voor goede zorg en ondersteuning in de wijk",
                EventFormat.ONLINE, day, "15:00", "16:30", 200);
        event.summary = "Webinar over structurele samenwerking tussen eerste lijn en sociaal domein op wijkniveau.";
        event.description = """
                Huisartsen kunnen hulpvragen vaker doorverwijzen naar andere zorgverleners of het sociaal domein als \
                de samenwerking in de wijk goed geregeld is. Dat ontlast de huisarts en helpt de inwoner. In dit \
                webinar bespraken leden van InEen hoe zij wijksamenwerking organiseren en financieren.""";
        event.themes.addAll(List.of("Eerstelijnszorg", "Gezondheid in de wijk"));
        event.onlinePlatform = "Zoom";
        event.audience = "Voor leden van InEen en hun partners in het sociaal domein.";
        event.outcomes.add("Praktijkvoorbeelden van wijkmanagement, organisatievorm en financiering.");
        contact(event, "Team eerste lijn", "InEen", "wijk@example.org");
        event.persist();
        item(event, day, "15:00", "15:30", "De handreiking samenwerking in de wijk", null, ProgrammeItemKind.PLENARY);
        item(event, day, "15:30", "16:30", "Praktijkvoorbeelden van leden", null, ProgrammeItemKind.PLENARY);
        material(event, 0, "Presentaties van het webinar (pdf)", "https://example.org/materialen/samenwerken-in-de-wijk.pdf",
                MaterialKind.SLIDES);
        material(event, 1, "Opname van het webinar", "https://example.org/materialen/samenwerken-in-de-wijk-opname",
                MaterialKind.RECORDING);
        StandardFormFields.forEvent(event).forEach(field -> field.persist());
    }

    // Small builders that keep the content above readable.

    private static Organisation organisation(String slug, String name, String shortName, String website, String description) {
        Organisation organisation = new Organisation();
        organisation.slug = slug;
        organisation.name = name;
        organisation.shortName = shortName;
        organisation.website = website;
        organisation.description = description;
        organisation.persist();
        return organisation;
    }

    private static Speaker speaker(String slug, String name, String role, String organisationName, String bio) {
        Speaker speaker = new Speaker();
        speaker.slug = slug;
        speaker.name = name;
        speaker.role = role;
        speaker.organisationName = organisationName;
        speaker.bio = bio;
        speaker.persist();
        return speaker;
    }

    private static Event event(Organisation organisation, String slug, String title, EventFormat format,
            LocalDate day, String start, String end, Integer capacity) {
        Event event = new Event();
        event.organisation = organisation;
        event.slug = slug;
        event.title = title;
        event.format = format;
        event.startsAt = at(day, start);
        event.endsAt = at(day, end);
        event.capacity = capacity;
        event.status = EventStatus.PUBLISHED;
        event.signupClosesAt = event.startsAt;
        return event;
    }

    private static void contact(Event event, String name, String role, String email) {
        event.contactName = name;
        event.contactRole = role;
        event.contactEmail = email;
    }

    private static ProgrammeItem item(Event event, LocalDate day, String start, String end, String title,
            String description, ProgrammeItemKind kind, Speaker... speakers) {
        return item(event, day, start, end, title, description, kind, null, null, speakers);
    }

    private static ProgrammeItem item(Event event, LocalDate day, String start, String end, String title,
            String description, ProgrammeItemKind kind, Integer round, Integer capacity, Speaker... speakers) {
        ProgrammeItem item = new ProgrammeItem();
        item.event = event;
        item.startsAt = at(day, start);
        item.endsAt = at(day, end);
        item.title = title;
        item.description = description;
        item.kind = kind;
        item.roundNumber = round;
        item.capacity = capacity;
        item.speakers.addAll(List.of(speakers));
        item.persist();
        event.programme.add(item);
        return item;
    }

    private static FormField breakoutChoice(Event event, int sortOrder, String labelNl, String labelEn) {
        FormField field = StandardFormFields.field(event, sortOrder, FormField.SESSIONS, labelNl, labelEn,
                FieldType.BREAKOUT_CHOICE, true, null);
        field.helpNl = "Kies per ronde één sessie. Volle sessies kun je niet meer kiezen.";
        field.helpEn = "Choose one session per round. Full sessions can no longer be chosen.";
        return field;
    }

    private static void material(Event event, int sortOrder, String title, String url, MaterialKind kind) {
        EventMaterial material = new EventMaterial();
        material.event = event;
        material.sortOrder = sortOrder;
        material.title = title;
        material.url = url;
        material.kind = kind;
        material.persist();
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(Dates.AMSTERDAM).toInstant();
    }

    private static LocalDate nextWeekday(LocalDate from, DayOfWeek weekday) {
        return from.with(TemporalAdjusters.nextOrSame(weekday));
    }
}
