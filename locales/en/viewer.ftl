# The viewer's words, English (the reference catalog: every other language has exactly these keys).
# Numbers and dates arrive already formatted for the locale; $n is the raw number where a plural depends on it.

## Header, files and settings

app-title = Active profiles
privacy = Your files stay on this computer: they are read and counted in this page, never uploaded.
language-label = Language
demo-banner = Demo data: a generated export, not yours. Open your delivery-log exports to count them.
sources-logs = { $n ->
    [one] { $n } log file ({ $size })
   *[other] { $n } log files ({ $size })
}
sources-deliveries = deliveries: { $name }
sources-report = Report opened from { $name }
open-files = Open files
drop-hint = or drop files or a whole folder anywhere on this page: delivery-log exports (CSV, workbooks) and profile exports (JSON, gzip, Parquet) each go to their report. They are read here, never uploaded.
slot-logs = Log files
slot-deliveries = Deliveries file (optional)
slot-report = Report (JSON or bundle)
choose-columns-show = Choose columns…
choose-columns-hide = Hide columns
stale-note = Counting your files: the report below is the previous one until it finishes.
settings = Settings
settings-as-of = As of
settings-billing-day = Billing day
settings-billing-last = last day
settings-purchased = Purchased profiles
settings-time-zone = Time zone
settings-time-zone-hint = UTC, an offset such as +02:00 or a zone such as Europe/Paris
settings-time-zone-used = The report on screen is counted in { $zone }.
settings-day-order = 03/04/2026 is
settings-day-first = 3 April (day first)
settings-month-first = 4 March (month first)
progress-label = Reading files
progress-text = { $done } of { $total } read · { $rate } rows/s
progress-finishing = { $total } read · putting the report together…
cancel = Cancel
problems-title = Files not counted
columns-label = Choose columns
columns-title = Columns
notice-settings-report = Settings apply to counted files; an opened report is shown as it was made.
notice-mapped-before = Columns mapped as you chose before for files with these headers.
notice-cancelled = Cancelled: the report shown is the previous one.
notice-deliveries-ready = Deliveries file ready: now open the log files.
notice-explain-report = A report holds no profiles: open the log files to explain one.

## Column mapping

mapping-reading = Reading the first rows…
mapping-intro = { $file }: { $encoding }, delimiter “{ $delimiter }”. Pick the column that holds each field:
mapping-automatic = automatic: { $header }
mapping-choose = — choose a column —
mapping-preview-caption = The first { $n } rows of { $file }

## Report: shared words

active-profiles = Active profiles
not-set = not set
total = Total
col-from = From (included)
col-to = To (included)
col-number-active = Number of active profiles
col-source = Source
col-contacts = Number of contacts
col-channel = Channel
col-date = Date
col-month = Month
col-reason = Reason
col-rows = Rows
col-file = File
col-line = Line
col-field = Field
col-value = Value
counted = Counted
excluded = Excluded
empty-report-title = No profiles counted yet.
empty-report-text = The figures appear here once delivery-log files are counted.

## Tiles

usage = Usage
usage-ok = within the purchase
usage-near = close to the purchase
usage-over = over the purchase
tile-on = on
tile-no-as-of = no as-of date yet
tile-purchased = Purchased
tile-purchased-note = active profiles in the contract
tile-purchased-enter = enter it to compare
tile-window = From (included) – To (included)
tile-window-note = the 12 months counted
tile-no-dates = no dates yet
tile-per-instance = Per instance
tile-instance-share = { $percent } of the organisation
tile-used = Used
tile-used-needs = needs the purchased number
tile-used-aria = { $percent } of the purchase used, { $words }

## Usage chart

chart-title = Active profiles over time
chart-period = Period shown
chart-30-days = 30 days
chart-1-year = 1 year
chart-bar = Snapshot { $from } – { $to }: { $count } active profiles
chart-point = { $date }: { $count } active profiles
chart-level = Purchased: { $count } active profiles
chart-svg-title = Active profiles from { $from } to { $to }: monthly snapshots (bars), daily count (line)
chart-svg-title-purchased = Active profiles from { $from } to { $to }: monthly snapshots (bars), daily count (line), purchased (dashed line)
legend-snapshot = Monthly snapshot (bar)
legend-daily = Daily count (line)
legend-purchased = Purchased:
legend-dashed = (dashed line)
legend-no-purchased = No purchased number set: no purchased line.
chart-hint = Point at a bar or the line to see its exact figure.
chart-daily-summary = { $n ->
    [one] Daily count, { $n } day
   *[other] Daily count, { $n } days
}
chart-daily-caption = Active profiles on each day in the chart
chart-empty = No daily counts to chart yet.

## Customer metrics

metrics-title = Customer metrics
metrics-empty = No snapshots yet: a snapshot is taken on each billing day within the dates of the files.
metrics-caption = Active profiles at each monthly snapshot, newest first.
metrics-caption-choose = Choose a row to see its detail.
metrics-show = Show the snapshot of { $date }
metrics-shown = (shown)

## Snapshot detail

detail-title = Snapshot detail
detail-empty = No active profiles on this date, so no targeting dimension to show.
dimensions = Targeting dimensions
dimensions-on = Targeting dimensions on { $date }
dimensions-org = the organisation
dimensions-instance = instance { $name }
channels = Channels
channels-empty = No channel: no profile was counted.
channels-caption = Active profiles per channel. A profile reached on two channels is in both rows, so the rows need not add up to the total.
channels-caption-on = Active profiles per channel on { $date }. A profile reached on two channels is in both rows, so the rows need not add up to the total.
multi-channel = Reached on more than one channel:

## Expiring

expiring-title = Expiring
expiring-empty = No active profile, so none to expire.
expiring-lead-before = Of the
expiring-lead-after = profiles active on the as-of date, this many leave the 12-month window each month if nothing more is sent to them.
expiring-bar = { $month }: { $count } profiles leave
expiring-point = After { $month }: { $count } active profiles if nothing more is sent
expiring-svg-title = Profiles leaving the window each month (bars) and the count left if nothing more is sent (line)
legend-leaving = Leaving in the month (bar)
legend-left = Left after the month (line)
expiring-caption = Profiles leaving the window per month, and the count left if nothing more is sent
col-leaving = Leaving
col-active-after = Active after it

## Diagnosis

diagnosis-title = Diagnosis
diagnosis-no-rows = No rows read yet.
diagnosis-rows-read = { $n ->
    [one] row read:
   *[other] rows read:
}
diagnosis-counted = counted,
diagnosis-excluded = excluded,
diagnosis-rejected = rejected.
reason-proof = Proof or seed address
reason-social = Social channel
reason-control = Control group
reason-status = Status not counted
reason-failure-reason = Failure reason not counted
help-proof = A proof, a seed address, or a delivery marked as proof.
help-social = A social channel (Twitter/X, Facebook): Campaign leaves social marketing out.
help-control = A control-group member (flag, or failure reason 127 Control address).
help-status = Ignored, Delivery cancelled or Not applicable: dropped while preparing, or never sent.
help-failure-reason = Excluded while preparing (no address, denylisted, quarantine, duplicate, ...).
field-status = status
field-failure-reason = failure reason
excluded-caption = Rows excluded, by reason (the first reason that holds)
rejected-caption = Rows rejected
unrecognised-caption = Values the rules do not know. They are counted unless you exclude them; the report is counted again.
col-rows-are = Rows are
warnings = Warnings
files-caption = How each file was read
col-encoding = Encoding
col-delimiter = Delimiter
col-columns = Columns used
delimiter-comma = comma
delimiter-semicolon = semicolon
delimiter-tab = tab
delimiter-bar = bar

## Finding your way: contents, long tables, rejected rows by reason

skip-to-report = Skip to the report
nav-label = Contents of the report
nav-tiles = Headline figures
show-all = Show all ({ $count })
tiles-rejected = { $rejected } of { $read } rows rejected
tiles-rejected-why = see why
chart-monthly-in = The monthly figures are in
rejected-listed = The first { $shown } of { $count } rejected rows are listed here, grouped by reason; the counts per reason are of those listed.
rejected-group-rows = { $n ->
    [one] { $count } row
   *[other] { $count } rows
}
rejected-group-caption = Rows rejected: { $reason }
rejected-group-too-many-fields = more than 10 000 fields
rejected-group-unclosed = a quote is never closed
help-status-excluded = Statuses excluded: { $statuses }.
reclassify-context = rows whose { $field } is { $value }

## Duplicate identities

duplicates-title = Duplicate identities
duplicates-lead-written = Journey Optimizer reads e-mail addresses with their letter case, so one person written as
duplicates-lead-and = and
duplicates-lead-becomes = becomes two profiles. This is a diagnosis: it does not change the count above.
duplicates-empty = No address differs from another only by letter case.
duplicates-caption = Active profiles whose address equals another except for letter case, per dimension
col-involved = Profiles involved
col-fewer = Fewer if merged

## Explain a profile

explain-title = Explain a profile
explain-lead = Type a profile key or an address to see every row of it in the files: counted, excluded (and why) or rejected. Letter case matters, as it does for the count.
explain-placeholder = Profile key or address
explain-button = Explain
explain-busy = Reading the files for “{ $query }”…
explain-caption = Rows of “{ $query }” in the files
col-file-line = File, line
col-delivery = Delivery
col-counted-as = Counted as
col-outcome = Outcome
explain-file-line = { $file }, line { $line }
close = Close
explain-none = No row of the files has the key or address “{ $query }”.
explain-not-counted = “{ $query }” has { $n } row(s), none of them counted: it is not an active profile.
explain-the-as-of = the as-of date
explain-active = Active on { $on } in { $place }: last counted on { $last }; it leaves the window on { $leaves } if nothing more is sent.
explain-gone = Not active on { $on } in { $place }: last counted on { $last }, more than 12 months before.
explain-never = Not active on { $on } in { $place }: no counted row on or before that date.

## Journey Optimizer profiles (views/src/aep/): the Profiles report, its bundle and CSV tables

aep-empty-title = No profile records counted yet.
aep-empty-text = The figures appear here once AEP profile exports (JSON lines, JSON, gzip or Parquet) are read.
aep-shown-one = Stitching: { $stitching }. The figures are of the snapshot of
aep-shown-latest = Stitching: { $stitching }. { $n } snapshots: the figures are of the latest, taken
aep-shown-untimed = Stitching: { $stitching }. The files are in no exportTime= folder: one snapshot, without a time.
aep-snapshot-untimed = no snapshot time
aep-stitching = Stitching
aep-stitching-graph = identity graph
aep-stitching-none = none (one profile per record)
aep-unique-namespaces = Unique namespaces
aep-pseudonymous-namespaces = Pseudonymous namespaces
aep-tile-profiles = Profiles
aep-tile-share = { $percent } of profiles:
aep-tile-single = Single-identity profiles
aep-tile-single-note = identities of one namespace only
aep-tile-unsegmented = Unsegmented profiles
aep-tile-unsegmented-note = in no audience
aep-tile-pseudonymous = Pseudonymous-only profiles
aep-tile-pseudonymous-note = device or cookie identities only
aep-tile-change = Change since the previous snapshot
aep-tile-change-needs = needs two snapshots or more
aep-tile-change-note = profiles added and removed since
aep-change-added = { $count } profiles added
aep-change-removed = { $count } profiles removed
aep-tiles-rejected = { $rejected } of { $read } records rejected
aep-identity-title = Profiles by identity
aep-identity-empty = No identity in this snapshot.
aep-identity-lead = { $n ->
    [one] A profile with identities in several namespaces is counted under each of them, so the namespaces add up to more than the { $count } profile.
   *[other] A profile with identities in several namespaces is counted under each of them, so the namespaces add up to more than the { $count } profiles.
}
aep-identity-svg-title = Profiles holding an identity of each namespace (bars)
aep-identity-bar = { $namespace }: { $count } profiles
aep-identity-caption = Profiles holding at least one identity of each namespace, largest first
aep-chart-largest = The chart shows the { $n } largest; the table lists them all.
aep-col-namespace = Namespace
aep-col-profiles = Profiles
aep-col-share = Share of profiles
aep-single-title = Single-identity profiles
aep-single-lead = have identities of one namespace only (two e-mail addresses and nothing else is one namespace).
aep-single-caption = Single-identity profiles by their namespace
aep-overlap-title = Identity overlap
aep-overlap-choose = Namespaces to compare
aep-overlap-a = Namespace A
aep-overlap-b = Namespace B
aep-overlap-largest = The two namespaces that share the most profiles:
aep-overlap-empty = Fewer than two namespaces: no overlap to show.
aep-venn-title = { $a }: { $a-count } profiles; { $b }: { $b-count } profiles; both: { $both } (circles drawn to scale)
aep-venn-circle = { $name }: { $count } profiles
aep-only = { $namespace } only
aep-both = Both { $a } and { $b }
aep-overlap-caption = Every pair of namespaces that share profiles, largest first
aep-col-namespace-a = Namespace A
aep-col-namespace-b = Namespace B
aep-col-both = Profiles holding both
aep-col-a-only = A only
aep-col-b-only = B only
aep-audiences-title = Audiences
aep-unsegmented-lead = are unsegmented: none of their records is realized or existing in an audience.
aep-audiences-empty = No audience membership (realized or existing) in this snapshot.
aep-audiences-svg-title = Profiles in each audience (bars)
aep-audience-bar = { $audience }: { $count } profiles
aep-audiences-caption = Profiles in each audience (segment id), largest first
aep-col-audience = Audience
aep-col-audience-a = Audience A
aep-col-audience-b = Audience B
aep-audience-overlap-caption = The 20 largest overlaps of two audiences
aep-trend-title = Over time
aep-trend-svg-title = Profiles in each snapshot (bars)
aep-trend-bar = { $time }: { $count } profiles
aep-trend-caption = Point at a bar to see its exact figure.
aep-trend-table-caption = Profiles in each snapshot, oldest first, with the profiles added and removed since the one before
aep-col-snapshot = Snapshot
aep-col-added = Added
aep-col-removed = Removed
aep-col-from = From snapshot
aep-col-to = To snapshot
aep-unseen-title = What the console does not show
aep-unseen-lead = Diagnoses of the same records that the Profiles dashboard has no screen for. They do not change the figures above.
aep-case-title = Case duplicates
aep-case-lead-written = Experience Platform compares identities with their letter case, so
aep-case-lead-becomes = are two identities, and can make two profiles.
aep-case-empty = No namespace has ids that differ only by letter case or surrounding spaces.
aep-case-caption = Per namespace: how many fewer profiles there would be if its ids were compared without letter case and surrounding spaces
aep-col-fewer = Fewer profiles
aep-col-examples = Examples
aep-collapse-title = Collapse suspects
aep-collapse-lead = A shared device or a junk value (test@test.com) joins many customers into one profile.
aep-collapse-over-limit = { $n ->
    [one] profile holds more than 50 identities (Experience Platform's guardrail: it then drops the oldest).
   *[other] profiles hold more than 50 identities (Experience Platform's guardrail: it then drops the oldest).
}
aep-collapse-unique = Profiles holding more than one id of a unique namespace:
aep-hubs-caption = The identities linked to the most records
aep-col-identity = Identity
aep-col-records = Records
aep-compared-title = Identity graph against one profile per record
aep-compared-lead = The same records with both stitchings: with none, every record is its own profile (an export of merged profiles is already stitched).
aep-compared-caption = Figures of the latest snapshot with each stitching; the difference is none minus graph
aep-compared-none = This report was made with one stitching only: ask for the comparison to see graph and none side by side.
aep-compared-over-limit = Profiles over 50 identities
aep-compared-unique = Unique-namespace conflicts
aep-col-figure = Figure
aep-col-difference = Difference
aep-pseudonymous-title = Pseudonymous-only profiles
aep-pseudonymous-lead = have only device or cookie identities ({ $namespaces }): no person is known for them, yet they count as profiles and inflate the addressable audience.
aep-diagnosis-none = No records read yet.
aep-diagnosis-read = { $n ->
    [one] record read:
   *[other] records read:
}
aep-diagnosis-used = used,
aep-diagnosis-rejected = rejected.
aep-rejected-caption = Records rejected
aep-rejected-listed = The first { $shown } of { $count } rejected records are listed here, grouped by reason; the counts per reason are of those listed.
aep-rejected-group-records = { $n ->
    [one] { $count } record
   *[other] { $count } records
}
aep-rejected-group-caption = Records rejected: { $reason }
aep-files-caption = How each file was read
aep-col-format = Format
aep-explain-title = Explain an identity
aep-explain-none = No record holds the identity “{ $query }”: it is in no profile of these files. Letter case and spaces matter, as they do in Experience Platform.
aep-explain-snapshot = Snapshot
aep-explain-summary = { $n ->
    [one] Its profile holds { $count } identity
   *[other] Its profile holds { $count } identities
}, linked by { $records-n ->
    [one] { $records } record.
   *[other] { $records } records.
}
aep-explain-over-limit = More than 50 identities: over Experience Platform's guardrail, which then drops the oldest.
aep-explain-unique = More than one { $namespace } id: a unique namespace, so this profile probably joins several customers.
aep-explain-no-guardrail = No guardrail broken: at most 50 identities and at most one id of each unique namespace.
aep-explain-identities-caption = The profile's identities
aep-explain-records-caption = The records that linked them
aep-col-record-identities = Identities of the record
aep-identity-hidden = (value not included)
aep-explain-records-more = The first { $shown } of { $count } records are listed.
aep-bundle-kind = Journey Optimizer profiles report
aep-bundle-default-title = Profiles on { $date }
aep-bundle-snapshots = Snapshots
aep-bundle-privacy-counts = This file holds counts only: no identity value.
aep-bundle-privacy-identities = This file lists identity values (case-duplicate examples, hub identities): it is personal data.
aep-export-snapshots = Profiles per snapshot
aep-export-change = Change between snapshots
aep-export-unique-conflicts = Unique-namespace conflicts

## Field names (the columns a file is read by; --map keeps the English names)

fieldname-profile-key = profile key
fieldname-event-date = event date
fieldname-status = status
fieldname-failure-reason = failure reason
fieldname-failure-type = failure type
fieldname-delivery = delivery
fieldname-channel = channel
fieldname-target-dimension = target dimension
fieldname-address = address
fieldname-transactional = transactional
fieldname-proof = proof
fieldname-seed = seed
fieldname-control-group = control group
fieldname-instance = instance
fieldname-label = label

## Files that cannot be counted (English comes from the worker as it is)

problem-missing = { $file }, line 1 (the header): no column found for { $missing }. Headers found: { $headers }.
problem-or = or

## Sharing: the report bundle, JSON and CSV exports, the active profiles one by one

share-download = Download report
share-download-hint = One HTML file with the whole report: it opens offline by double-click and prints on A4. Counts only, unless you include the profiles below.
share-export = Export
share-title-label = Title
share-include-profiles = Include the active profiles’ keys and addresses
share-include-profiles-hint = Personal data: the report, the bundle and the exports then list every active profile. Leave it off to share counts only.
share-include-profiles-unavailable = Open the log files to list the profiles: this report was opened from a file.
share-json = Report as JSON
share-json-hint = The report.json document: this viewer opens it again.
share-csv = Tables as CSV
share-csv-semicolon = Separate with semicolons (Excel in most of Europe)
share-csv-table = { $title } ({ $n ->
    [one] { $count } row
   *[other] { $count } rows
})
share-saved = Saved as { $file }.
profiles-title = Active profiles, one by one
profiles-lead = { $n ->
    [one] { $count } profile is active on the as-of date. This list is personal data: share it only with those who may see it.
   *[other] { $count } profiles are active on the as-of date. This list is personal data: share it only with those who may see it.
}
profiles-more = The first { $shown } of { $count } are shown here; the CSV export and the report bundle hold them all.
col-instance = Instance
col-key = Profile key or address
col-leaves = Leaves the count on
export-dimensions = Targeting dimensions
export-instances = Targeting dimensions per instance
export-channels = Channels
export-daily = Active profiles per day
export-expiring = Profiles leaving the count per month
export-excluded = Excluded rows by reason
export-rejected = Rejected rows
export-unrecognised = Unrecognised values
export-files = Files read
bundle-kind = Active-profiles report
bundle-default-title = Active profiles on { $date }
bundle-made = Made
bundle-counted-status = Counted statuses
bundle-excluded-status = Excluded statuses
bundle-excluded-reasons = Excluded failure reasons
bundle-engine = Counted by
bundle-privacy-aggregates = This file holds counts only: no profile key and no address.
bundle-privacy-keys = This file lists the keys or addresses of { $count } active profiles: it is personal data.
bundle-foot = A static report bundle: it runs no script and fetches nothing. Open report.json from it in the active-profiles viewer to explore it.

## Issue 18: the first screen, counts in progress, column gaps

open-your-files = Open your files

## Issue 15: two reports, one page (Campaign's active profiles, Journey Optimizer's profiles)

tabs-label = Reports
tabs-hint = Files go to the report they belong to, by their content: delivery logs to Adobe Campaign, profile records to Profiles, JSON step events to Engageable profiles. In the Engageable profiles tab every file opened is events (gzip, Parquet and CSV too).
tab-campaign = Active profiles
tab-campaign-product = Adobe Campaign
tab-profiles = Profiles
tab-profiles-product = Journey Optimizer
tab-holds-demo = Demo data
tab-holds-files = { $n ->
    [one] Your file
   *[other] Your { $n } files
}
tab-holds-report = A saved report
tab-holds-reading = Reading…
open-folder = Open a folder
open-profiles-demo = See the Journey Optimizer demo: profiles and identities (Profiles report)
notice-split = { $logs ->
    [one] 1 delivery-log file went to Active profiles (Adobe Campaign)
   *[other] { $logs } delivery-log files went to Active profiles (Adobe Campaign)
} and { $records ->
    [one] 1 file of profile records to Profiles (Journey Optimizer).
   *[other] { $records } files of profile records to Profiles (Journey Optimizer).
}
profiles-demo-banner = Demo data: a generated Experience Platform export with two snapshots, not yours. Open your profile exports (JSON, gzip or Parquet, or a whole folder) to count them.
profiles-demo-counting = Counting the demo export…
profiles-sources = { $n ->
    [one] 1 file of profile records
   *[other] { $n } files of profile records
}, { $size }.
profiles-back-to-demo = Back to the demo
profiles-progress = { $done } of { $total } read, { $lines } lines
profiles-stitching = Stitching
profiles-stitching-hint = Identity graph: records that share an identity are one profile (AEP's default). None: every record is its own profile, as in an export of merged profiles.
profiles-stitching-graph = Identity graph
profiles-stitching-none = None
profiles-unique = Unique namespaces
profiles-unique-hint = A profile should hold one id of each at most (comma-separated).
profiles-pseudonymous = Pseudonymous namespaces
profiles-pseudonymous-hint = Device and cookie namespaces (comma-separated).
profiles-snapshot-time = Snapshot time (UTC)
profiles-snapshot-time-hint = For files outside an exportTime= folder.
profiles-identities = Show identity values
profiles-identities-hint = E-mails, ids and devices are personal data: shown, exported and explained only while this is ticked.
profiles-explain-hint = Which profile an identity belongs to: every identity in it and the records that joined them.
profiles-explain-namespace = Namespace
profiles-explain-namespace-any = Any namespace
profiles-explain-id = Identity
profiles-explain-submit = Explain
profiles-explain-pending = Looking up { $id }…
profiles-explain-close = Close the explanation
profiles-explain-wait = The files are still being read: ask again once the count is ready.
profiles-json-hint = The report's figures as profiles/1 JSON, as the command line writes them.
hint-logs = Delivery-log exports: one row per message a delivery sent to a profile (CSV, any delimiter), several at once.
hint-deliveries = Deliveries file: one row per delivery, with its channel and target dimension, for logs that lack them.
hint-report = Report file: a report.json or report bundle made earlier by this viewer or the command line, shown as it was made.
hint-as-of = As-of date: the day the count is for; a profile is active if a delivery targeted it in the 12 months up to that day.
hint-billing-day = Billing day: the day of each month on which your contract takes its snapshot (Customer metrics).
hint-purchased = Purchased profiles: the number of active profiles your licence allows, to compare the count with.
term-active-title = What is an active profile?
term-active-text = A profile (a recipient, visitor or address) that at least one delivery targeted in the 12 months up to the as-of date, counted once whatever the number of messages. Proofs, seeds, control groups and profiles left out while a delivery was prepared do not count. Marketing platforms are licensed by this number.
as-of-pinned = As of { $date } (pinned)
as-of-follow = Follow the data
as-of-follows = Follows the data: the latest event date of the files.
count-finished = Counted { $nrows ->
    [one] { $rows } row
   *[other] { $rows } rows
} from { $files ->
    [one] { $files } file
   *[other] { $files } files
}: { $nactive ->
    [one] { $active } active profile
   *[other] { $active } active profiles
}.
explain-pending = “{ $query }” will be explained once the files are counted.
notice-explain-recount = The counting worker no longer holds these files: open them again to explain a profile.
columns-needed-title = Columns to choose
mapping-which = Which column holds the { $fields }? ({ $file })
mapping-optional = Columns not recognised either. If one of them holds one of these fields, pick it; without a status column, every row counts as sent.
mapping-option-samples = { $header } (e.g. { $values })
gap-status = Counted without a status column in { $n ->
    [one] { $n } file
   *[other] { $n } files
}: every row counted as sent.
gap-failure-reason = Counted without a failure-reason column in { $n ->
    [one] { $n } file
   *[other] { $n } files
}: no row left out for its failure reason.
gap-channel = Counted without a channel column in { $n ->
    [one] { $n } file
   *[other] { $n } files
}: every row counted under the channel Unknown.
gap-target-dimension = Counted without a target-dimension column in { $n ->
    [one] { $n } file
   *[other] { $n } files
}: every profile counted in Recipients.

# Engageable profiles (Journey Optimizer)
eng-chart-title = Engageable profiles per day
eng-newly-title = Newly engaged profiles per day
eng-sandboxes-title = Sandboxes
eng-journeys-title = Journeys and campaigns
eng-expiring-title = Leaving the count
eng-rejected-caption = Events rejected
eng-rejected-listed = The first { $shown } of { $count } rejected events are listed here, grouped by reason; the counts per reason are of those listed.
eng-rejected-group-events = { $n ->
    [one] { $count } event
   *[other] { $count } events
}
eng-rejected-group-caption = Events rejected: { $reason }
eng-empty-title = No events counted.
eng-empty-text = Open engagement events (journey step events) to see the licence metric.
eng-usage = Licence usage
eng-tile-licensed = Licensed engageable profiles
eng-tile-licensed-note = for the production sandboxes
eng-tile-licensed-enter = Enter the licensed number to see the usage and the prediction.
eng-tile-usage = Usage
eng-tile-usage-note = engageable profiles of the production sandboxes on
eng-tile-percent = Usage %
eng-tile-predicted = Predicted usage
eng-tile-predicted-on = on
eng-tile-predicted-needs = Needs the licensed number.
eng-tiles-more = Engageable profiles by sandbox type
eng-total = Engageable profiles
eng-production = Production sandboxes
eng-development = Development sandboxes
eng-dry-run-only = Engaged by dry runs only (counted)
eng-stitched-joined = Fewer profiles thanks to stitching
eng-window = Window of 12 months:
eng-chart-point = { $date }: { $count } engageable profiles
eng-chart-level = Licensed: { $count } engageable profiles
eng-chart-svg-production = Engageable profiles of the production sandboxes per day, with the licensed number
eng-chart-svg-all = Engageable profiles per day
eng-newly-point = { $date }: { $count } newly engaged profiles
eng-legend-production = Engageable profiles of the production sandboxes
eng-legend-all = Engageable profiles, all sandboxes
eng-legend-licensed = Licensed
eng-legend-predicted = Predicted on { $date }: { $low } to { $high }
eng-legend-no-licence = Enter the licensed number to draw its line.
eng-chart-point-sandbox = { $sandbox } ({ $type }): { $count }
eng-legend-sandbox = Sandbox { $sandbox } ({ $type })
eng-daily-caption = Engageable profiles per day
eng-sandbox-daily-caption = Engageable profiles per day and sandbox
eng-col-newly = Newly engaged
eng-newly-lead = A profile is newly engaged on a day when it is engageable that day and was not the day before.
eng-no-spikes = No spike: no day brought more than three times the median of newly engaged profiles of the 28 days before it.
eng-spikes-caption = Spikes: days with more than three times the median of newly engaged profiles of the 28 days before, and the journeys that brought most of them
eng-col-median = Median of the 28 days before
eng-col-journeys = Journeys
eng-col-sandbox = Sandbox
eng-col-type = Type
eng-col-profiles = Profiles
eng-type-development = development
eng-type-production = production
eng-journeys-lead = Profiles engaged by each journey or campaign in the window (a profile engaged by several is in each).
eng-journeys-none = No event names a journey or campaign.
eng-col-journey = Journey or campaign
eng-expiring-lead = Profiles engaged on the as-of date, by the month in which they leave the count if nothing more is sent to them.
eng-col-month = Month
eng-diagnosis-read = { $n ->
    [one] event read:
   *[other] events read:
}
eng-diagnosis-counted = counted,
eng-diagnosis-rejected = rejected.
eng-files-caption = Files read
eng-col-events = Events
eng-bundle-default-title = Engageable profiles on { $date }
eng-bundle-kind = Engageable profiles (Journey Optimizer)
eng-as-of = As of
eng-time-zone = Time zone
eng-bundle-privacy = This file holds counts only: no profile key or identity value.
eng-usage-ok = within the licence
eng-usage-near = close to the licence
eng-usage-over = over the licence
tab-engageable = Engageable profiles
tab-engageable-product = Journey Optimizer · licence
notice-split-three = { $logs } delivery-log files went to Active profiles, { $records } files of profile records to Profiles and { $events } files of engagement events to Engageable profiles.
eng-sources = { $n ->
    [one] 1 file of engagement events
   *[other] { $n } files of engagement events
} ({ $size }).
eng-sources-snapshot = Stitched by a profile snapshot of { $n } files.
eng-demo-banner = Demo data: generated journey step events over 13 months in a production and a development sandbox, stitched by the Profiles demo, not yours. Open your step events (JSON, gzip, Parquet, or a Query Service CSV) to count them.
eng-as-of-hint = The day the count is for; empty: the latest event date.
eng-licensed-hint = Your contract’s number of engageable profiles (production sandboxes).
eng-snapshot = Profile snapshot (optional)
eng-snapshot-hint = An AEP profile export: engaged keys that are identities of one stitched profile count once.
eng-snapshot-demo = Open your events first: the demo is stitched by the Profiles demo.
eng-snapshot-needs-events = Open engagement events first: a profile snapshot stitches the events on screen.
eng-sandbox = Sandbox of events that name none
eng-sandbox-hint = NAME or NAME:development; empty: prod (production). Each file can have its own below. The files are read again.
eng-sandbox-invalid = The sandbox is NAME or NAME:production or NAME:development.
eng-fieldname-time = time
eng-fieldname-profile = profile
eng-fieldname-journey-or-campaign = journey or campaign
eng-fieldname-sandbox = sandbox
eng-fieldname-sandbox-type = sandbox type
eng-fieldname-dry-run = dry run
eng-mapping-optional = Columns not recognised either. If one of them holds one of these fields, pick it; without a sandbox column, the file’s events go to its sandbox below.
eng-columns-hint = The other files are counted meanwhile; this one is counted once each of these fields has a column. Your choice is remembered for files with the same headers.
eng-columns-mapped = Columns of { $file } chosen by hand
eng-file-sandboxes-title = Sandbox per file
eng-file-sandboxes-hint = Events that name no sandbox go to their file’s sandbox: the one set above until you choose another here. A change reads the files again.
eng-file-sandbox-waits = Not counted yet: choose its columns above.
eng-file-sandbox-from-data = { $sandboxes }, from the data
eng-file-sandbox-others = Events without a sandbox:
eng-file-sandbox-name-label = Sandbox of the events of { $file } that name none
eng-file-sandbox-type-label = Sandbox type of the events of { $file } that name none
eng-file-sandbox-default = the setting above
