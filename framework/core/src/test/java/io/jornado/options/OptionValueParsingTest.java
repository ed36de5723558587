package io.jornado.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timedelta and datetime parsing and Python formatting of values. Expected values were printed by
 * Tornado 6.5.7's {@code _Option._parse_timedelta}/{@code _parse_datetime} and Python 3.11's {@code
 * str}/{@code repr}.
 */
class OptionValueParsingTest {
  private final OptionParser options =
      new OptionParser(new PrintStream(OutputStream.nullOutputStream()), code -> {});

  private Duration timedelta(String text) {
    Option<Duration> delay = options.define(OptionSpec.of("delay", Duration.class));
    return delay.parse(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1h 30m|5400000000",
        "45s|45000000",
        "90|90000000",
        "1.5 hours|5400000000",
        "2d|172800000000",
        "1w 2d 3h 4min 5sec 6ms 7us|788645006007",
        "-1h|-3600000000",
        "0.0000005|0",
        "0.0000015|2",
        "'  10  '|10000000",
        "''|0",
        "1e3ms|1000000",
        "3 minutes|180000000",
        ".5m|30000000",
        "1.|1000000",
      })
  void timedeltaLikeTornado(String text, long micros) {
    assertEquals(Duration.ofNanos(micros * 1000), timedelta(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1h30m|Option 'delay': invalid timedelta unit 'h30m' in '1h30m'",
        "5 H|Option 'delay': invalid timedelta unit 'H' in '5 H'",
        "1x|Option 'delay': invalid timedelta unit 'x' in '1x'",
        "abc|Option 'delay': invalid timedelta: 'abc'",
      })
  void timedeltaErrors(String text, String message) {
    OptionsError e = assertThrows(OptionsError.class, () -> timedelta(text));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2013-04-28 05:16|2013-04-28T05:16:00",
        "2013-04-28 05:16:07|2013-04-28T05:16:07",
        "Sun Apr 28 05:16:07 2013|2013-04-28T05:16:07",
        "sun apr  8 05:16:07 2013|2013-04-08T05:16:07",
        "2013-04-28T05:16|2013-04-28T05:16:00",
        "2013-04-28t05:16|2013-04-28T05:16:00",
        "20130428 05:16:07|2013-04-28T05:16:07",
        "20130428 05:16|2013-04-28T05:16:00",
        "2013-04-28|2013-04-28T00:00:00",
        "20130428|2013-04-28T00:00:00",
        "05:16:07|1900-01-01T05:16:07",
        "05:16|1900-01-01T05:16:00",
        "2013-4-8|2013-04-08T00:00:00",
        "2024111|2024-11-01T00:00:00",
        "5:6|1900-01-01T05:06:00",
      })
  void datetimeLikeTornado(String text, String iso) {
    assertEquals(LocalDateTime.parse(iso), DatetimeParser.parse(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2013-02-30", "2013-04-28 25:00", "'2013-04-28 05:16 '", "junk"})
  void datetimeErrors(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatetimeParser.parse(text));
    assertEquals("Unrecognized date/time format: '" + text + "'", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1e16|1e+16",
        "1e15|1000000000000000.0",
        "0.1|0.1",
        "1e-05|1e-05",
        "0.0001|0.0001",
        "2.0|2.0",
        "-0.0|-0.0",
        "1.5e300|1.5e+300",
        "123456789.125|123456789.125",
        "0.3333333333333333|0.3333333333333333",
        "5e-324|5e-324",
        "1.7976931348623157e308|1.7976931348623157e+308",
        "100.0|100.0",
        "1e22|1e+22",
        "0.3|0.3",
      })
  void floatReprLikePython(double value, String repr) {
    assertEquals(repr, PyFormat.floatRepr(value));
  }

  @Test
  void timedeltaStrAndReprLikePython() {
    assertEquals("0:00:00", PyFormat.str(Duration.ZERO));
    assertEquals("datetime.timedelta(0)", PyFormat.repr(Duration.ZERO));
    assertEquals("-1 day, 23:59:59", PyFormat.str(Duration.ofSeconds(-1)));
    assertEquals(
        "datetime.timedelta(days=-1, seconds=86399)", PyFormat.repr(Duration.ofSeconds(-1)));
    assertEquals("1 day, 0:00:00", PyFormat.str(Duration.ofDays(1)));
    Duration odd = Duration.ofDays(-2).plusNanos(5000);
    assertEquals("-2 days, 0:00:00.000005", PyFormat.str(odd));
    assertEquals("datetime.timedelta(days=-2, microseconds=5)", PyFormat.repr(odd));
  }

  @Test
  void listStrUsesReprOfItemsLikePython() {
    assertEquals(
        "[datetime.timedelta(seconds=45), datetime.datetime(2013, 4, 28, 5, 16),"
            + " datetime.datetime(2013, 4, 28, 5, 16, 7), \"it's\", 'a\"b', 'x\\'y\"z',"
            + " 'é\\n\\x00']",
        PyFormat.str(
            List.of(
                Duration.ofSeconds(45),
                LocalDateTime.of(2013, 4, 28, 5, 16),
                LocalDateTime.of(2013, 4, 28, 5, 16, 7),
                "it's",
                "a\"b",
                "x'y\"z",
                "é\n\0")));
  }

  @Test
  void normpathLikePython() {
    assertEquals("a/b/d", PyFormat.normpath("a//b/./c/../d"));
    assertEquals("/x", PyFormat.normpath("/../x"));
    assertEquals("//x", PyFormat.normpath("//x"));
    assertEquals("/x", PyFormat.normpath("///x"));
    assertEquals("../x", PyFormat.normpath("../x"));
    assertEquals(".", PyFormat.normpath("a/.."));
  }
}
