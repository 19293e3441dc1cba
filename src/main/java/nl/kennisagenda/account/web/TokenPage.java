package nl.kennisagenda.account.web;

import java.util.List;

import nl.kennisagenda.account.ApiTokens.NewToken;
import nl.kennisagenda.account.ApiTokens.TokenRow;

/**
 * What the token page shows: the actor's tokens, everybody's for an administrator ({@code all} is null otherwise),
 * a token just made (its secret, shown this once) and the form.
 */
public record TokenPage(List<TokenRow> own, List<TokenRow> all, NewToken created, boolean revoked, TokenForm form) {
}
