<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivityPane</name>
    <message numerus="yes">
        <source>Exported %Ln event(s) to {path}</source>
        <translation><numerusform>Exported %Ln event to {path}</numerusform><numerusform>Exported %Ln events to {path}</numerusform></translation>
    </message>
    </context>
<context>
    <name>CatalogDetails</name>
    <message numerus="yes">
        <source>%Ln course</source>
        <translation><numerusform>%Ln course</numerusform><numerusform>%Ln course</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln courses</source>
        <translation><numerusform>%Ln courses</numerusform><numerusform>%Ln courses</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln category</source>
        <translation><numerusform>%Ln category</numerusform><numerusform>%Ln category</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln categories</source>
        <translation><numerusform>%Ln categories</numerusform><numerusform>%Ln categories</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln tag</source>
        <translation><numerusform>%Ln tag</numerusform><numerusform>%Ln tag</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln tags</source>
        <translation><numerusform>%Ln tags</numerusform><numerusform>%Ln tags</numerusform></translation>
    </message>
    </context>
<context>
    <name>CourseDetails</name>
    <message numerus="yes">
        <source>%Ln enrollment</source>
        <translation><numerusform>%Ln enrollment</numerusform><numerusform>%Ln enrollment</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln enrollments</source>
        <translation><numerusform>%Ln enrollments</numerusform><numerusform>%Ln enrollments</numerusform></translation>
    </message>
    </context>
<context>
    <name>CrashDialog</name>
    <message numerus="yes">
        <source>(%n errors in all)</source>
        <translation><numerusform>(%n errors in all)</numerusform><numerusform>(%n errors in all)</numerusform></translation>
    </message>
</context>
<context>
    <name>EnrollmentActions</name>
    <message numerus="yes">
        <source>Reject %n enrollment request?</source>
        <translation><numerusform>Reject %n enrollment request?</numerusform><numerusform>Reject %n enrollment request?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Reject %n enrollment requests?</source>
        <translation><numerusform>Reject %n enrollment requests?</numerusform><numerusform>Reject %n enrollment requests?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Reject %n request</source>
        <translation><numerusform>Reject %n request</numerusform><numerusform>Reject %n request</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Reject %n requests</source>
        <translation><numerusform>Reject %n requests</numerusform><numerusform>Reject %n requests</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Keep it pending</source>
        <translation><numerusform>Keep it pending</numerusform><numerusform>Keep it pending</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Keep them pending</source>
        <translation><numerusform>Keep them pending</numerusform><numerusform>Keep them pending</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollment?</source>
        <translation><numerusform>Cancel %n enrollment?</numerusform><numerusform>Cancel %n enrollment?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollments?</source>
        <translation><numerusform>Cancel %n enrollments?</numerusform><numerusform>Cancel %n enrollments?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollment</source>
        <translation><numerusform>Cancel %n enrollment</numerusform><numerusform>Cancel %n enrollment</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n enrollments</source>
        <translation><numerusform>Cancel %n enrollments</numerusform><numerusform>Cancel %n enrollments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Keep it</source>
        <translation><numerusform>Keep it</numerusform><numerusform>Keep it</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Keep them</source>
        <translation><numerusform>Keep them</numerusform><numerusform>Keep them</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Mark %n enrollment as completed?</source>
        <translation><numerusform>Mark %n enrollment as completed?</numerusform><numerusform>Mark %n enrollment as completed?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Mark %n enrollments as completed?</source>
        <translation><numerusform>Mark %n enrollments as completed?</numerusform><numerusform>Mark %n enrollments as completed?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Mark %n completed</source>
        <translation><numerusform>Mark %n completed</numerusform><numerusform>Mark %n completed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Make %n learner take the course again?</source>
        <translation><numerusform>Make %n learner take the course again?</numerusform><numerusform>Make %n learner take the course again?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Make %n learners take the course again?</source>
        <translation><numerusform>Make %n learners take the course again?</numerusform><numerusform>Make %n learners take the course again?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Retake for %n learner</source>
        <translation><numerusform>Retake for %n learner</numerusform><numerusform>Retake for %n learner</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Retake for %n learners</source>
        <translation><numerusform>Retake for %n learners</numerusform><numerusform>Retake for %n learners</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The selected enrollment is not pending approval.</source>
        <translation><numerusform>The selected enrollment is not pending approval.</numerusform><numerusform>The selected enrollment is not pending approval.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected enrollments is pending approval.</source>
        <translation><numerusform>None of the %n selected enrollments is pending approval.</numerusform><numerusform>None of the %n selected enrollments is pending approval.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The selected enrollment is not active.</source>
        <translation><numerusform>The selected enrollment is not active.</numerusform><numerusform>The selected enrollment is not active.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected enrollments is active.</source>
        <translation><numerusform>None of the %n selected enrollments is active.</numerusform><numerusform>None of the %n selected enrollments is active.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The selected enrollment is not an enrolled, unfinished one.</source>
        <translation><numerusform>The selected enrollment is not an enrolled, unfinished one.</numerusform><numerusform>The selected enrollment is not an enrolled, unfinished one.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected enrollments is enrolled and unfinished.</source>
        <translation><numerusform>None of the %n selected enrollments is enrolled and unfinished.</numerusform><numerusform>None of the %n selected enrollments is enrolled and unfinished.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The selected learner has not started the course.</source>
        <translation><numerusform>The selected learner has not started the course.</numerusform><numerusform>The selected learner has not started the course.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>None of the %n selected learners has started the course.</source>
        <translation><numerusform>None of the %n selected learners has started the course.</numerusform><numerusform>None of the %n selected learners has started the course.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n selected row is skipped: the action does not apply to it.</source>
        <translation><numerusform>%n selected row is skipped: the action does not apply to it.</numerusform><numerusform>%n selected row is skipped: the action does not apply to it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n selected rows are skipped: the action does not apply to them.</source>
        <translation><numerusform>%n selected rows are skipped: the action does not apply to them.</numerusform><numerusform>%n selected rows are skipped: the action does not apply to them.</numerusform></translation>
    </message>
    </context>
<context>
    <name>EnrollmentsPane</name>
    <message numerus="yes">
        <source>%Ln day overdue</source>
        <translation><numerusform>%Ln day overdue</numerusform><numerusform>%Ln day overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln days overdue</source>
        <translation><numerusform>%Ln days overdue</numerusform><numerusform>%Ln days overdue</numerusform></translation>
    </message>
    </context>
<context>
    <name>ExportProgress</name>
    <message numerus="yes">
        <source>Exporting {done} of %Ln row to {file}…</source>
        <translation><numerusform>Exporting {done} of %Ln row to {file}…</numerusform><numerusform>Exporting {done} of %Ln row to {file}…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exporting {done} of %Ln rows to {file}…</source>
        <translation><numerusform>Exporting {done} of %Ln rows to {file}…</numerusform><numerusform>Exporting {done} of %Ln rows to {file}…</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>&amp;Run %n row(s)</source>
        <translation><numerusform>&amp;Run %n row</numerusform><numerusform>&amp;Run %n rows</numerusform></translation>
    </message>
    </context>
<context>
    <name>JobCard</name>
    <message numerus="yes">
        <source>Run again the %Ln item(s) that failed for a passing reason</source>
        <translation><numerusform>Run again the %Ln item that failed for a passing reason</numerusform><numerusform>Run again the %Ln items that failed for a passing reason</numerusform></translation>
    </message>
    </context>
<context>
    <name>LogView</name>
    <message numerus="yes">
        <source>%n request(s) shown</source>
        <translation><numerusform>%n request shown</numerusform><numerusform>%n requests shown</numerusform></translation>
    </message>
</context>
<context>
    <name>MatchPage</name>
    <message numerus="yes">
        <source>Ambiguous: %n learners fit</source>
        <translation><numerusform>Ambiguous: %n learners fit</numerusform><numerusform>Ambiguous: %n learners fit</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{sent} of %n file will be sent ({size})</source>
        <translation><numerusform>{sent} of %n file will be sent ({size})</numerusform><numerusform>{sent} of %n file will be sent ({size})</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{sent} of %n files will be sent ({size})</source>
        <translation><numerusform>{sent} of %n files will be sent ({size})</numerusform><numerusform>{sent} of %n files will be sent ({size})</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped (already have a certificate)</source>
        <translation><numerusform>, %n skipped (already have a certificate)</numerusform><numerusform>, %n skipped (already have a certificate)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n replaces a certificate the learner already has</source>
        <translation><numerusform>, %n replaces a certificate the learner already has</numerusform><numerusform>, %n replaces a certificate the learner already has</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n replace a certificate the learner already has</source>
        <translation><numerusform>, %n replace a certificate the learner already has</numerusform><numerusform>, %n replace a certificate the learner already has</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> (you will be asked about %n whose learner already has one)</source>
        <translation><numerusform> (you will be asked about %n whose learner already has one)</numerusform><numerusform> (you will be asked about %n whose learner already has one)</numerusform></translation>
    </message>
    </context>
<context>
    <name>PaneExport</name>
    <message numerus="yes">
        <source>Exported %Ln row</source>
        <translation><numerusform>Exported %Ln row</numerusform><numerusform>Exported %Ln row</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln rows</source>
        <translation><numerusform>Exported %Ln rows</numerusform><numerusform>Exported %Ln rows</numerusform></translation>
    </message>
    </context>
<context>
    <name>PeoplePicker</name>
    <message numerus="yes">
        <source>The first %n people; type more to narrow.</source>
        <translation><numerusform>The first %n people; type more to narrow.</numerusform><numerusform>The first %n people; type more to narrow.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation><numerusform>%n found</numerusform><numerusform>%n found</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation><numerusform> and %n more</numerusform><numerusform> and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>C&amp;hosen: %n</source>
        <translation><numerusform>C&amp;hosen: %n</numerusform><numerusform>C&amp;hosen: %n</numerusform></translation>
    </message>
</context>
<context>
    <name>PersonPane</name>
    <message numerus="yes">
        <source>%n day overdue</source>
        <translation><numerusform>%n day overdue</numerusform><numerusform>%n day overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days overdue</source>
        <translation><numerusform>%n days overdue</numerusform><numerusform>%n days overdue</numerusform></translation>
    </message>
    </context>
<context>
    <name>PersonSummary</name>
    <message numerus="yes">
        <source>%n day overdue: {course}</source>
        <translation><numerusform>%n day overdue: {course}</numerusform><numerusform>%n day overdue: {course}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days overdue: {course}</source>
        <translation><numerusform>%n days overdue: {course}</numerusform><numerusform>%n days overdue: {course}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%n)</source>
        <translation><numerusform>Overdue (%n)</numerusform><numerusform>Overdue (%n)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Certificates (%n)</source>
        <translation><numerusform>Certificates (%n)</numerusform><numerusform>Certificates (%n)</numerusform></translation>
    </message>
    </context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation><numerusform>%n hour</numerusform><numerusform>%n hours</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message numerus="yes">
        <source>%1 of %n course(s)</source>
        <translation><numerusform>%1 of %n course</numerusform><numerusform>%1 of %n courses</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportTables</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    </context>
<context>
    <name>ReportsPane</name>
    <message numerus="yes">
        <source>As of %1, %n change(s) since</source>
        <translation><numerusform>As of %1, %n change since</numerusform><numerusform>As of %1, %n changes since</numerusform></translation>
    </message>
    </context>
<context>
    <name>ResponseView</name>
    <message numerus="yes">
        <source>%Ln row</source>
        <translation><numerusform>%Ln row</numerusform><numerusform>%Ln row</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation><numerusform>%Ln rows</numerusform><numerusform>%Ln rows</numerusform></translation>
    </message>
    </context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>%n day after completion</source>
        <translation><numerusform>%n day after completion</numerusform><numerusform>%n day after completion</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days after completion</source>
        <translation><numerusform>%n days after completion</numerusform><numerusform>%n days after completion</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day after enrollment</source>
        <translation><numerusform>%n day after enrollment</numerusform><numerusform>%n day after enrollment</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n days after enrollment</source>
        <translation><numerusform>%n days after enrollment</numerusform><numerusform>%n days after enrollment</numerusform></translation>
    </message>
    </context>
<context>
    <name>TenantSubscriptionsDialog</name>
    <message numerus="yes">
        <source>%Ln subscription of this app left on the tenant.</source>
        <translation><numerusform>%Ln subscription of this app left on the tenant.</numerusform><numerusform>%Ln subscription of this app left on the tenant.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln subscriptions of this app left on the tenant.</source>
        <translation><numerusform>%Ln subscriptions of this app left on the tenant.</numerusform><numerusform>%Ln subscriptions of this app left on the tenant.</numerusform></translation>
    </message>
    </context>
<context>
    <name>UploadQueueWidget</name>
    <message numerus="yes">
        <source>{finished} of %n finished — {done} sent, {failed} failed, {skipped} skipped, {cancelled} cancelled · {sent} of {total} · {rate} · ETA {eta}</source>
        <translation><numerusform>{finished} of %n finished — {done} sent, {failed} failed, {skipped} skipped, {cancelled} cancelled · {sent} of {total} · {rate} · ETA {eta}</numerusform><numerusform>{finished} of %n finished — {done} sent, {failed} failed, {skipped} skipped, {cancelled} cancelled · {sent} of {total} · {rate} · ETA {eta}</numerusform></translation>
    </message>
    </context>
<context>
    <name>UserPickerDialog</name>
    <message numerus="yes">
        <source>%n people in {department}</source>
        <translation><numerusform>%n people in {department}</numerusform><numerusform>%n people in {department}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Added %n people from {department}</source>
        <translation><numerusform>Added %n people from {department}</numerusform><numerusform>Added %n people from {department}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n already enrolled left out</source>
        <translation><numerusform>; %n already enrolled left out</numerusform><numerusform>; %n already enrolled left out</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Enroll %n people</source>
        <translation><numerusform>Enroll %n people</numerusform><numerusform>Enroll %n people</numerusform></translation>
    </message>
    </context>
</TS>
