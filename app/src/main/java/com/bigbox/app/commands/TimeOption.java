package com.bigbox.app.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A point in time on the command line: an ISO-8601 instant or offset time, or a date (midnight UTC). */
final class TimeOption implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.strip();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException(
                            "'" + value
                                    + "' is not a time: use ISO-8601 such as 2026-01-31T09:30:00Z, or a date such as 2026-01-31 (UTC)");
                }
            }
        }
    }
}
