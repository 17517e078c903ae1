/**
 * Canonical entity (team or player) ids are upper-case ASCII letters and digits, words joined by
 * `-`. No `_`: it separates the parts of a game id.
 */
export const ENTITY_ID_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * Turns any source code or name into an entity id: strips accents, upper-cases, and joins the
 * alphanumeric runs with `-` ("TA&M" -> "TA-M", "Dušan Lajović" -> "DUSAN-LAJOVIC").
 */
export function toEntityId(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .join("-");
}

/** Key for loose name matching across sources: accents, case, punctuation and `&`/`and` ignored. */
export function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}
