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

## Journey Optimizer profile records that are rejected ($namespace: a namespace code as written; never an identity)

engine-record-bad-json = not JSON ({ $detail })
engine-record-too-deep = nested deeper than { $depth } levels
engine-record-too-long = record longer than 16 MiB
engine-record-empty-element = an empty element of the array (two commas?)
engine-record-not-object = not a JSON object
engine-record-no-identity-map = no identityMap
engine-record-identity-map-not-object = identityMap is not an object
engine-record-empty-identity-map = empty identityMap
engine-record-too-many-identities = more than 20 identities ({ $count })
engine-record-ids-not-list = the identities of { $namespace } are not a list
engine-record-id-missing = an identity of { $namespace } has no id
engine-record-id-not-string = an id of { $namespace } is not a string
engine-record-id-empty = an id of { $namespace } is empty
engine-record-id-too-long = an id of { $namespace } is longer than 1024 characters ({ $length })
engine-record-bad-ecid = an ECID that is not 38 digits

## Journey Optimizer files that stop being read ($reason: one of the messages below, already said)

engine-aep-file-error = { $file }: { $reason }
engine-aep-file-line-error = { $file }, line { $line }: { $reason }
engine-aep-gzip-bomb = more than { $ratio } times larger uncompressed than compressed ({ $size } MiB so far): a gzip bomb? The rest of the file is not read
engine-aep-gzip-truncated = the gzip stream ends early: the file is truncated
engine-aep-gzip-corrupt = not a valid gzip stream ({ $error })
engine-aep-unclosed-array = the JSON array is never closed: the file ends inside it
engine-aep-after-array = text after the end of the JSON array
engine-aep-parquet-unreadable = not a readable Parquet file ({ $error })
engine-aep-parquet-bad-row = a Parquet page cannot be read ({ $error }); the rows before are counted
engine-aep-parquet-no-columns = no column { $columns } in this Parquet file
engine-event-no-profile = no profile
engine-event-no-time = no time
engine-event-bad-time = time '{ $value }' is not a date
engine-event-not-a-time = time is not a date
engine-event-missing-fields = no column found for { $fields } (headers: { $headers })
engine-event-mapped-header-missing = the { $field } is mapped to '{ $header }', which is not a header (headers: { $headers })
