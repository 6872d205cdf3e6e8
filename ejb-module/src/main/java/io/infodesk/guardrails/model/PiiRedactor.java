package io.infodesk.guardrails.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in text and replaces it with a typed placeholder such as {@code [EMAIL]}:
 * e-mail addresses, phone numbers (also ten digits without separators), national ids (US SSN, also
 * without dashes after a word that names it; UK NI number, any case), payment card numbers that
 * pass the Luhn check (spaces, dashes or dots between digits), IBANs that pass their mod-97 check
 * (any case), IPv4 addresses, dates of birth (a date after "born", "DOB" or "date of birth"), and
 * the employee-id patterns an operator configures. Checksums, and words such as "order", "ticket"
 * or "version" before a number, keep references, dates and versions from being taken for personal
 * data.
 */
public final class PiiRedactor {

  /** What was found: the type and where, in the original text. */
  public record Finding(String type, int start, int end) {}

  /** The redacted text and what was replaced. */
  public record Redaction(String text, List<Finding> findings) {
    public boolean found() {
      return !findings.isEmpty();
    }
  }

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.+-])[\\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}\\b");
  private static final Pattern CARD =
      Pattern.compile("(?<![\\d.])(?:\\d[ .-]?){12,18}\\d(?![\\d]|\\.\\d)");
  private static final Pattern IBAN =
      Pattern.compile("\\b[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,4})?\\b");

  /** Nine digits (or 3-2-4 with spaces) after a word that names a social security number. */
  private static final Pattern SSN_NAMED =
      Pattern.compile(
          "(?i)\\b(?:ssn|social security(?: number| no\\.?| #)?|soc\\.? sec\\.?)\\b[^\\d\\n]{0,20}"
              + "(?<!\\d)((?!000|666|9\\d\\d)\\d{3}[ -]?(?!00)\\d{2}[ -]?(?!0000)\\d{4})(?!\\d)");

  /** Ten digits as a North American number (area and exchange codes start with 2-9). */
  private static final Pattern PHONE_DIGITS =
      Pattern.compile("(?<![\\w.#+-])[2-9]\\d{2}[2-9]\\d{6}(?![\\w.-])");

  /** A dotted IPv4 address. */
  private static final Pattern IPV4 =
      Pattern.compile(
          "(?<![\\w.])(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}(?![\\w.])");

  /** A date right after "born", "DOB", "date of birth" or "birthday". */
  private static final Pattern BIRTH_DATE =
      Pattern.compile(
          "(?i)\\b(?:born(?: on)?|d\\.?o\\.?b\\.?|date of birth|birth ?date|birthday)\\b[:\\s-]{0,5}("
              + "\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}"
              + "|\\d{4}-\\d{1,2}-\\d{1,2}"
              + "|\\d{1,2}(?:st|nd|rd|th)? (?:of )?[A-Za-z]{3,9}\\.? \\d{4}"
              + "|[A-Za-z]{3,9}\\.? \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})");

  /** Words before a number that make it a reference, not personal data. */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?i)(?:order|invoice|ticket|ref|reference|case|po|part|serial|tracking|version|release"
              + "|build|v)(?: number| no\\.?| #)?[\\s:#-]*$");

  private static final Pattern SSN =
      Pattern.compile("(?<!\\d)(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?!\\d)");
  private static final Pattern NINO =
      Pattern.compile(
          "(?i)\\b(?![DFIQUV])[A-Z](?![DFIQUVO])[A-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]\\b");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){1,4}(?![\\w])");

  private final List<Pattern> employeeIds;

  /**
   * @param employeeIdPatterns regular expressions for the company's employee ids
   */
  public PiiRedactor(List<String> employeeIdPatterns) {
    this.employeeIds =
        employeeIdPatterns.stream().filter(p -> !p.isBlank()).map(Pattern::compile).toList();
  }

  public Redaction redact(String text) {
    if (text == null || text.isEmpty()) {
      return new Redaction(text, List.of());
    }
    List<Finding> found = new ArrayList<>();
    collect(EMAIL, "EMAIL", text, found, s -> true);
    collect(IBAN, "IBAN", text, found, PiiRedactor::validIban);
    collect(CARD, "CARD", text, found, s -> luhn(s.replaceAll("[ .-]", "")));
    collect(SSN, "NATIONAL_ID", text, found, s -> true);
    collectGroup(SSN_NAMED, "NATIONAL_ID", text, found);
    collect(NINO, "NATIONAL_ID", text, found, s -> true);
    collectGroup(BIRTH_DATE, "DATE_OF_BIRTH", text, found);
    for (Pattern p : employeeIds) {
      collect(p, "EMPLOYEE_ID", text, found, s -> true);
    }
    collect(PHONE, "PHONE", text, found, PiiRedactor::looksLikePhone);
    collectUnlessReference(PHONE_DIGITS, "PHONE", text, found);
    collectUnlessReference(IPV4, "IP_ADDRESS", text, found);

    List<Finding> kept = new ArrayList<>();
    found.sort(
        Comparator.comparingInt(Finding::start).thenComparingInt(f -> -(f.end() - f.start())));
    int coveredTo = -1;
    for (Finding f : found) {
      if (f.start() >= coveredTo) {
        kept.add(f);
        coveredTo = f.end();
      }
    }
    StringBuilder out = new StringBuilder();
    int last = 0;
    for (Finding f : kept) {
      out.append(text, last, f.start()).append('[').append(f.type()).append(']');
      last = f.end();
    }
    out.append(text.substring(last));
    return new Redaction(out.toString(), List.copyOf(kept));
  }

  private static void collect(
      Pattern pattern,
      String type,
      String text,
      List<Finding> found,
      java.util.function.Predicate<String> check) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      if (check.test(m.group())) {
        found.add(new Finding(type, m.start(), m.end()));
      }
    }
  }

  /** Like {@link #collect}, but only the pattern's first group is personal data. */
  private static void collectGroup(Pattern pattern, String type, String text, List<Finding> found) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(new Finding(type, m.start(1), m.end(1)));
    }
  }

  /** A match that does not follow a word such as "order", "ticket" or "version". */
  private static void collectUnlessReference(
      Pattern pattern, String type, String text, List<Finding> found) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 24), m.start());
      if (!REFERENCE.matcher(before).find()) {
        found.add(new Finding(type, m.start(), m.end()));
      }
    }
  }

  /** The Luhn checksum of a 13 to 19 digit number. */
  public static boolean luhn(String digits) {
    if (digits.length() < 13
        || digits.length() > 19
        || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    if (digits.chars().distinct().count() == 1) {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** The ISO 13616 mod-97 check. */
  public static boolean validIban(String candidate) {
    String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
    if (iban.length() < 15 || iban.length() > 34) {
      return false;
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      if (Character.isDigit(c)) {
        digits.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        digits.append(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /**
   * 7 to 15 digits (not nearly all the same), with a separator or a + sign, not a date or a
   * version.
   */
  static boolean looksLikePhone(String s) {
    String digits = s.replaceAll("\\D", "");
    if (digits.length() < 7 || digits.length() > 15 || digits.chars().distinct().count() < 3) {
      return false;
    }
    if (s.matches("\\d{4}[-./]\\d{1,2}[-./]\\d{1,2}")
        || s.matches("\\d{1,2}[-./]\\d{1,2}[-./]\\d{2,4}")) {
      return false;
    }
    if (s.matches("\\d+(\\.\\d+){2,}")) {
      return false;
    }
    return s.startsWith("+") || s.startsWith("(") || s.matches(".*\\d[ .-]\\d.*");
  }
}
