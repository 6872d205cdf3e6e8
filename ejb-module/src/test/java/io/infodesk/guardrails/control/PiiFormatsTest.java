package io.infodesk.guardrails.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.infodesk.guardrails.model.PiiRedactor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The formats a security review found reaching the database in clear, each redacted, and the
 * look-alikes beside them that must stay as typed.
 */
class PiiFormatsTest {

  final PiiRedactor redactor = new PiiRedactor(List.of());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "my ssn 123456789 please|my ssn [NATIONAL_ID] please",
        "Social security number: 123 45 6789|Social security number: [NATIONAL_ID]",
        "iban de89 3704 0044 0532 0130 00 is mine|iban [IBAN] is mine",
        "my ni number is ab 12 34 56 c|my ni number is [NATIONAL_ID]",
        "ni: jk123456c|ni: [NATIONAL_ID]",
        "card 4111.1111.1111.1111 expired|card [CARD] expired",
        "call me on 4155550134 tonight|call me on [PHONE] tonight",
        "my laptop is at 10.20.30.40 now|my laptop is at [IP_ADDRESS] now",
        "ping 192.168.1.254 fails|ping [IP_ADDRESS] fails",
        "I was born on 12/03/1985 in Leeds|I was born on [DATE_OF_BIRTH] in Leeds",
        "DOB: 1985-03-12|DOB: [DATE_OF_BIRTH]",
        "date of birth 12 March 1985|date of birth [DATE_OF_BIRTH]",
        "born March 12, 1985, hired later|born [DATE_OF_BIRTH], hired later",
      })
  void redactsTheFormatsThatLeaked(String typed, String stored) {
    assertThat(redactor.redact(typed).text()).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order 123456789 is late",
        "order number 4155550134 was shipped",
        "invoice #4155550134",
        "ticket 1234567890 is open",
        "version 1.2.3.4 is out",
        "upgrade to v10.20.30.40 tonight",
        "release 4.2.0.1 notes",
        "the meeting on 12/03/2025 moved",
        "the build from 1985-03-12 is old",
        "room 1203 on floor 3",
        "part 4111.1111.1111.1112 is fine",
        "a hash 999999999 is not an ssn",
      })
  void leavesLookalikesAsTyped(String text) {
    PiiRedactor.Redaction r = redactor.redact(text);
    assertThat(r.text()).as(r.findings().toString()).isEqualTo(text);
  }
}
