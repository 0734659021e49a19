# The engine's texts (rejection reasons, warnings, files that cannot be read, explain outcomes), English.
# Key engine-<id> for each message id of engine::message; English is exactly the report's text (report-format.md).
# $file, $value, $header, $headers, $text: as written; $from, $to, $line: line numbers or dates;
# a count such as $rows arrives formatted, with $rows-count the raw number for plurals;
# $field, $fields: field names in this language; $reason, $error: another message, already said.

## Rejected rows

engine-rejected-no-key = no profile key and no address
engine-rejected-no-date = no event date
engine-rejected-bad-date = event date '{ $value }' is not a date
engine-rejected-bad-date-hidden = event date (value not shown) is not a date
engine-rejected-not-a-date = event date is not a date
engine-rejected-too-long = row longer than 1 MiB
engine-rejected-too-long-lines = row longer than 1 MiB (lines { $from } to { $to }: a quote that is never closed?)
engine-rejected-too-many-fields = more than 10 000 fields ({ $fields })
engine-rejected-unclosed = a quote is never closed: the rest of the file (line { $line }) is one field
engine-rejected-unclosed-lines = a quote is never closed: the rest of the file (lines { $from } to { $to }) is one field
engine-rejected-rows = { $rows-count ->
    [one] { $reason } ({ $rows } row)
   *[other] { $reason } ({ $rows } rows)
}
engine-rejected-other = { $text }

## Warnings

engine-warning-empty-file = { $file }: empty file
engine-warning-no-rows = { $file }: no rows after the header
engine-warning-day-first = { $file }: no date tells day and month apart; read as day first
engine-warning-month-first = { $file }: no date tells day and month apart; read as month first
engine-warning-utf16-bom = { $file }: starts with a UTF-16 byte-order mark but is not UTF-16; read as UTF-8
engine-warning-utf8-bom = { $file }: starts with a UTF-8 byte-order mark but is not UTF-8; read as Windows-1252
engine-warning-mixed-encoding = { $file }: not valid UTF-8 throughout; the rest was read as Windows-1252
engine-warning-long-range = the data range { $from } to { $to } is too long for monthly snapshots: check the event dates
engine-warning-aggregate = { $file }: counted by { $dialect } from the SQL of active-profiles; rejected rows are listed by reason, without line numbers
engine-warning-not-counted = { $error }; this file was not counted
engine-warning-other = { $text }

## Files that cannot be read

engine-error-missing-fields = { $file }: no column found for { $fields } (headers: { $headers })
engine-error-mapped-header-missing = { $file }: the { $field } is mapped to '{ $header }', which is not a header (headers: { $headers })
engine-error-bad-header = { $file }, line 1 (the header): { $reason }
engine-error-too-many-profiles = { $file }, line { $line }: more than { $limit } distinct profiles, the most this counter takes; the rows before this line are counted; count the files in smaller sets (per instance or per year)
engine-error-unknown-file = unknown or already ended file
engine-error-not-csv = { $file } looks like { $looks ->
    [pdf] a PDF document
    [png] a PNG image
    [jpeg] a JPEG image
    [gif] a GIF image
    [gzip] a gzip archive
    [zip] a zip archive
   *[other] a binary file
}, not a CSV export
engine-error-workbook = { $file }: could not be read as a workbook ({ $error })
engine-error-workbook-too-large = { $file }: a workbook of { $size } MB is more than the { $limit } MB that are read at once; save its sheets as CSV
engine-warning-empty-sheet = { $file }: empty sheet, skipped
engine-error-other = { $text }

## Explaining a profile: what became of a row

engine-outcome-counted = counted
engine-outcome-excluded = excluded: { $reason }
engine-outcome-rejected = rejected: { $reason }
engine-outcome-after-as-of = after the as-of date: not in this report

## Options that cannot be used (--map, --deliveries-map, --status); field names and rule words stay as the options take them

engine-option-unknown-field = unknown field '{ $field }'; fields: { $fields }
engine-option-unknown-deliveries-field = unknown deliveries field '{ $field }'
engine-option-unknown-failure-reason = unknown failure reason '{ $value }': give its number
engine-option-rule-syntax = rule '{ $rule }': expected VALUE=counted|excluded
engine-option-rule-verdict = rule '{ $rule }': '{ $verdict }' is neither counted nor excluded
engine-option-rule-kind = rule '{ $rule }': unknown kind '{ $kind }' (status or reason)
