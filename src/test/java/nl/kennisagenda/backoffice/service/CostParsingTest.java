package nl.kennisagenda.backoffice.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import nl.kennisagenda.backoffice.service.InvalidEventException.FieldError;

/** Prices as organisers type them: Dutch and English decimals, a euro sign, thousands separators. */
class CostParsingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "95|95.00", "12,50|12.50", "€ 1.250,00|1250.00", "12.5|12.50", "EUR 7|7.00",
            "€12|12.00" })
    void readsWhatPeopleType(String typed, String amount) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        assertEquals(new BigDecimal(amount), EventEditing.cost(errors, typed));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "0", "0,00" })
    void emptyOrZeroIsFree(String typed) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        assertNull(EventEditing.cost(errors, typed));
        assertTrue(errors.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "-5", "12,345", "1e3", "gratis", "100000", "12,50,00" })
    void refusesWhatIsNoPrice(String typed) {
        Map<String, FieldError> errors = new LinkedHashMap<>();
        assertNull(EventEditing.cost(errors, typed));
        assertEquals(EventProblem.COST_INVALID, errors.get("cost").problem());
    }
}
