<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Stevedore::ApiError</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::CommandRunner</name>
    <message numerus="yes">
        <source>Deleted %1 (%n upload(s)) from %2 %3.
</source>
        <translation>
            <numerusform>Deleted %1 (%n upload) from %2 %3.
</numerusform>
            <numerusform>Deleted %1 (%n uploads) from %2 %3.
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::CompareDialog</name>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the same</source>
        <translation>
            <numerusform>%n the same</numerusform>
            <numerusform>%n the same</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::ComparisonReport</name>
    <message numerus="yes">
        <source>%1 and %2 are identical: %n file(s).</source>
        <translation>
            <numerusform>%1 and %2 are identical: %n file.</numerusform>
            <numerusform>%1 and %2 are identical: %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::CopyCommand</name>
    <message numerus="yes">
        <source>Nothing was copied: %1 already has %n file(s) whose content differs from %2: %3. Copy to another version, or replace them with --on-duplicate replace.</source>
        <translation>
            <numerusform>Nothing was copied: %1 already has %n file whose content differs from %2: %3. Copy to another version, or replace it with --on-duplicate replace.</numerusform>
            <numerusform>Nothing was copied: %1 already has %n files whose content differs from %2: %3. Copy to another version, or replace them with --on-duplicate replace.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::DiffCommand</name>
    <message numerus="yes">
        <source>diff takes PROJECT NAME VERSION_A VERSION_B, or PROJECT NAME VERSION_A PROJECT_B NAME_B VERSION_B; %n argument(s) were given.</source>
        <translation>
            <numerusform>diff takes PROJECT NAME VERSION_A VERSION_B, or PROJECT NAME VERSION_A PROJECT_B NAME_B VERSION_B; %n argument was given.</numerusform>
            <numerusform>diff takes PROJECT NAME VERSION_A VERSION_B, or PROJECT NAME VERSION_A PROJECT_B NAME_B VERSION_B; %n arguments were given.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::DownloadVerifier</name>
    <message numerus="yes">
        <source>%1: verified, %n file(s) identical to the server.</source>
        <translation>
            <numerusform>%1: verified, %n file identical to the server.</numerusform>
            <numerusform>%1: verified, %n files identical to the server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed locally (%1)</source>
        <translation>
            <numerusform>%n changed locally (%1)</numerusform>
            <numerusform>%n changed locally (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n missing locally (%1)</source>
        <translation>
            <numerusform>%n missing locally (%1)</numerusform>
            <numerusform>%n missing locally (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n extra in the folder, not in the version (%1)</source>
        <translation>
            <numerusform>%n extra in the folder, not in the version (%1)</numerusform>
            <numerusform>%n extra in the folder, not in the version (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable (%1)</source>
        <translation>
            <numerusform>%n unreadable (%1)</numerusform>
            <numerusform>%n unreadable (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n listed twice (%1)</source>
        <translation>
            <numerusform>%n listed twice (%1)</numerusform>
            <numerusform>%n listed twice (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::MainWindow</name>
    <message numerus="yes">
        <source>Delete %n version(s) from %1, with all their files? This cannot be undone.

%2</source>
        <translation>
            <numerusform>Delete %n version from %1, with all its files? This cannot be undone.

%2</numerusform>
            <numerusform>Delete %n versions from %1, with all their files? This cannot be undone.

%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PackageFileModel</name>
    <message numerus="yes">
        <source>%1: %n file(s)</source>
        <translation>
            <numerusform>%1: %n file</numerusform>
            <numerusform>%1: %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 was uploaded %n times; this is the newest upload, the one downloads return.</source>
        <translation>
            <numerusform>%1 was uploaded %n time; this is the newest upload, the one downloads return.</numerusform>
            <numerusform>%1 was uploaded %n times; this is the newest upload, the one downloads return.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PackageTreeModel</name>
    <message numerus="yes">
        <source>%1: %n version(s), newest %2</source>
        <translation>
            <numerusform>%1: %n version, newest %2</numerusform>
            <numerusform>%1: %n versions, newest %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PromoteDialog</name>
    <message numerus="yes">
        <source>The destination already has %n file(s) with other content: %1. Copy to another version, or check &quot;Replace files with other content&quot;.</source>
        <translation>
            <numerusform>The destination already has %n file with other content: %1. Copy to another version, or check &quot;Replace files with other content&quot;.</numerusform>
            <numerusform>The destination already has %n files with other content: %1. Copy to another version, or check &quot;Replace files with other content&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to copy (%1)</source>
        <translation>
            <numerusform>%n file to copy (%1)</numerusform>
            <numerusform>%n files to copy (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) to replace (%1)</source>
        <translation>
            <numerusform>%n file to replace (%1)</numerusform>
            <numerusform>%n files to replace (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) with other content (%1)</source>
        <translation>
            <numerusform>%n file with other content (%1)</numerusform>
            <numerusform>%n files with other content (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) already there (%1)</source>
        <translation>
            <numerusform>%n file already there (%1)</numerusform>
            <numerusform>%n files already there (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) only in the destination, left alone (%1)</source>
        <translation>
            <numerusform>%n file only in the destination, left alone (%1)</numerusform>
            <numerusform>%n files only in the destination, left alone (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PublishCommand</name>
    <message numerus="yes">
        <source>--file-name names one file; %n file(s) were given.</source>
        <translation>
            <numerusform>--file-name names one file; %n file was given.</numerusform>
            <numerusform>--file-name names one file; %n files were given.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PublishDialog</name>
    <message numerus="yes">
        <source>Version %1 of %2 exists already with %n file(s): the files are added to it.</source>
        <translation>
            <numerusform>Version %1 of %2 exists already with %n file: the files are added to it.</numerusform>
            <numerusform>Version %1 of %2 exists already with %n files: the files are added to it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Publish %n file(s)</source>
        <translation>
            <numerusform>&amp;Publish %n file</numerusform>
            <numerusform>&amp;Publish %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 in all, ready to publish.</source>
        <translation>
            <numerusform>%n file, %1 in all, ready to publish.</numerusform>
            <numerusform>%n files, %1 in all, ready to publish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file name(s)</source>
        <translation>
            <numerusform>%n file name</numerusform>
            <numerusform>%n file names</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the files added had a row already and were not added again.</source>
        <translation>
            <numerusform>%n of the files added had a row already and was not added again.</numerusform>
            <numerusform>%n of the files added had a row already and were not added again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::QueuedCommand</name>
    <message numerus="yes">
        <source>note: resuming an interrupted run; %1 of %n file(s) were done already (--no-resume starts afresh).
</source>
        <translation>
            <numerusform>note: resuming an interrupted run; %1 of %n file was done already (--no-resume starts afresh).
</numerusform>
            <numerusform>note: resuming an interrupted run; %1 of %n files were done already (--no-resume starts afresh).
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::SyncCommand</name>
    <message numerus="yes">
        <source>Nothing was sent: %n file(s) in the folder cannot be read, so it is not known whether the version has them. Make them readable or move them out of %1.</source>
        <translation>
            <numerusform>Nothing was sent: %n file in the folder cannot be read, so it is not known whether the version has it. Make it readable or move it out of %1.</numerusform>
            <numerusform>Nothing was sent: %n files in the folder cannot be read, so it is not known whether the version has them. Make them readable or move them out of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::SyncDialog</name>
    <message numerus="yes">
        <source>Nothing can be sent: %n file(s) in the folder cannot be read, so it is not known whether the version has them. Make them readable or move them out of the folder, then Retry.</source>
        <translation>
            <numerusform>Nothing can be sent: %n file in the folder cannot be read, so it is not known whether the version has it. Make it readable or move it out of the folder, then Retry.</numerusform>
            <numerusform>Nothing can be sent: %n files in the folder cannot be read, so it is not known whether the version has them. Make them readable or move them out of the folder, then Retry.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Uploading: %1 of %n file(s) done; the transfer list shows them.</source>
        <translation>
            <numerusform>Uploading: %1 of %n file done; the transfer list shows them.</numerusform>
            <numerusform>Uploading: %1 of %n files done; the transfer list shows them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync stopped: %n upload(s) did not succeed, so nothing was deleted.</source>
        <translation>
            <numerusform>Sync stopped: %n upload did not succeed, so nothing was deleted.</numerusform>
            <numerusform>Sync stopped: %n uploads did not succeed, so nothing was deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sync stopped: %n upload(s) did not succeed.</source>
        <translation>
            <numerusform>Sync stopped: %n upload did not succeed.</numerusform>
            <numerusform>Sync stopped: %n uploads did not succeed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting the files the folder does not have: %1 of %n done…</source>
        <translation>
            <numerusform>Deleting the files the folder does not have: %1 of %n done…</numerusform>
            <numerusform>Deleting the files the folder does not have: %1 of %n done…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uploaded</source>
        <translation>
            <numerusform>%n uploaded</numerusform>
            <numerusform>%n uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already there</source>
        <translation>
            <numerusform>%n already there</numerusform>
            <numerusform>%n already there</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n deleted</numerusform>
            <numerusform>%n deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n the same</source>
        <translation>
            <numerusform>%n the same</numerusform>
            <numerusform>%n the same</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to delete</source>
        <translation>
            <numerusform>%n to delete</numerusform>
            <numerusform>%n to delete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not in the folder, kept</source>
        <translation>
            <numerusform>%n not in the folder, kept</numerusform>
            <numerusform>%n not in the folder, kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable</source>
        <translation>
            <numerusform>%n unreadable</numerusform>
            <numerusform>%n unreadable</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::TransferNotices</name>
    <message numerus="yes">
        <source>%n more transfer(s) failed</source>
        <translation>
            <numerusform>%n more transfer failed</numerusform>
            <numerusform>%n more transfers failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n transfer(s) failed</source>
        <translation>
            <numerusform>%1 of %n transfer failed</numerusform>
            <numerusform>%1 of %n transfers failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them had the same content there already.</source>
        <translation>
            <numerusform>%n of them had the same content there already.</numerusform>
            <numerusform>%n of them had the same content there already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) published to %1 %2</source>
        <translation>
            <numerusform>%n file published to %1 %2</numerusform>
            <numerusform>%n files published to %1 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) downloaded</source>
        <translation>
            <numerusform>%n file downloaded</numerusform>
            <numerusform>%n files downloaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n transfer(s) finished</source>
        <translation>
            <numerusform>%n transfer finished</numerusform>
            <numerusform>%n transfers finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::TransferQueueModel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>more than %n hours</source>
        <translation>
            <numerusform>more than %n hour</numerusform>
            <numerusform>more than %n hours</numerusform>
        </translation>
    </message>
</context>
</TS>
