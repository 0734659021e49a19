# Messages of the viewer and the command line about what went wrong, English.
# $file, $name, $error, $header, $headers, $zone, $value, $files, $flag, $arg: as written.

## The viewer's notices

notice-status-only = Only status values can be reclassified here, not { $field }.
notice-not-a-report = { $name }: not an active-profiles report (no "format": "active-profiles-report/1").
notice-not-json = { $name }: not a report JSON: { $error }
notice-bundle-unreadable = { $name }: a report bundle whose report cannot be read: { $error }
notice-time-zone = time zone '{ $zone }' is not known: give UTC, a fixed offset such as +02:00 or a name of the time-zone database such as Europe/Paris
notice-nothing-counted = No files have been counted yet.
notice-worker-stopped = The counting worker stopped ({ $error }): this run was not counted. The page still works: open the files again, fewer at a time, or count them with the command line.

## Files the viewer could not count

problem-mapped = { $file }, line 1 (the header): the { $field } is mapped to the column “{ $header }”, which this file does not have. Headers found: { $headers }.
problem-unreadable = { $file }: could not be read ({ $error })

## The command line: errors (exit code 2 or 1) and warnings on standard error

cli-warning = warning
cli-cannot-read = { $file }: cannot read it: { $error }
cli-cannot-open = { $file }: cannot open it: { $error }
cli-is-folder = { $file }: is a folder; give the CSV files inside it
cli-thread-stopped = a reading thread stopped unexpectedly
cli-nothing-to-count = { $files }: no rows after the header line, nothing to count; check that these are delivery-log exports
cli-no-deliveries = { $file }: no deliveries after the header line; check the --deliveries file
cli-map-syntax = { $flag } '{ $arg }': expected FIELD=HEADER, e.g. { $flag } '{ $example }'
cli-option-error = { $flag } '{ $arg }': { $error }
cli-status-error = --status: { $error }
cli-time-zone-error = --time-zone: { $error }
cli-as-of-aggregate = --as-of is chosen when the SQL is written: `active-profiles sql --as-of DATE ...`, then run it again
cli-missing-fields = { $file }: no column found for the { $fields }.
cli-missing-and = and the
cli-headers-found = Headers found: { $headers }.
cli-headers-none = none
cli-pick-by-hand = Pick the column by hand, e.g.: { $fixes }
cli-mapped-missing = { $file }: { $flag } '{ $field }={ $header }': the file has no header '{ $header }'.
cli-cannot-write = { $file }: cannot write it: { $error }
cli-cannot-write-json = cannot write JSON: { $error }
cli-cannot-write-csv = cannot write CSV: { $error }
cli-cannot-write-stdout = cannot write to standard output: { $error }
