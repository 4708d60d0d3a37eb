<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>gtx::ui::AlarmBanner</name>
    <message>
        <source>No active alarms</source>
        <extracomment>Text in the grey alarm strip at the top of the main window when nothing is abnormal.</extracomment>
        <translation>No active alarms</translation>
    </message>
</context>
<context>
    <name>gtx::ui::AuditPage</name>
    <message>
        <source>Reading the audit trail...</source>
        <extracomment>Shown while a page of the audit trail is read.</extracomment>
        <translation>Reading the audit trail...</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <extracomment>The audit trail could not be read; %1 the node&apos;s reason.</extracomment>
        <translation>The audit trail could not be read: %1</translation>
    </message>
    <message>
        <source>The ledger is not open.</source>
        <extracomment>Audit page before the ledger is open.</extracomment>
        <translation>The ledger is not open.</translation>
    </message>
    <message>
        <source>No record matches, of %1 in the trail.</source>
        <extracomment>Audit page: nothing matches the filter; %1 the records in the trail.</extracomment>
        <translation>No record matches, of %1 in the trail.</translation>
    </message>
    <message>
        <source>Page %1: records %2 to %3, of %4 in the trail</source>
        <extracomment>Audit page: the page shown; %1 page number, %2 and %3 the record numbers shown (newest, oldest), %4 records in the trail.</extracomment>
        <translation>Page %1: records %2 to %3, of %4 in the trail</translation>
    </message>
    <message>
        <source>Verifying: reading every block and every audit record...</source>
        <extracomment>Shown while the whole ledger is checked.</extracomment>
        <translation>Verifying: reading every block and every audit record...</translation>
    </message>
    <message>
        <source>Add a note to the audit trail</source>
        <extracomment>Title of the dialog that adds a note to the audit trail.</extracomment>
        <translation>Add a note to the audit trail</translation>
    </message>
    <message>
        <source>Note (recorded with your name, signed with your key):</source>
        <extracomment>Prompt of the note dialog.</extracomment>
        <translation>Note (recorded with your name, signed with your key):</translation>
    </message>
    <message>
        <source>The note was not recorded: %1</source>
        <extracomment>The note was refused; %1 the node&apos;s reason.</extracomment>
        <translation>The note was not recorded: %1</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <extracomment>Save dialog title for the audit trail export.</extracomment>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <extracomment>File type filter.</extracomment>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>File type filter.</extracomment>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <extracomment>Shown while the export is read and written.</extracomment>
        <translation>Exporting...</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n record(s) to %1.</source>
        <extracomment>The export succeeded; %n records, %1 the file&apos;s name.</extracomment>
        <translation>
            <numerusform>Exported %n record to %1.</numerusform>
            <numerusform>Exported %n records to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>It stopped at %1 records: narrow the filter for the rest.</source>
        <translation>It stopped at %1 records: narrow the filter for the rest.</translation>
    </message>
    <message>
        <source>Not exported: the audit trail refused the entry: %1</source>
        <extracomment>The export was refused because the audit trail did not take its record; %1 why.</extracomment>
        <translation>Not exported: the audit trail refused the entry: %1</translation>
    </message>
    <message>
        <source>Not exported: the audit trail could not be read: %1</source>
        <extracomment>The trail could not be read for the export; %1 why.</extracomment>
        <translation>Not exported: the audit trail could not be read: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <extracomment>The export file could not be written; %1 why.</extracomment>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>GridTokenX audit trail</source>
        <extracomment>Title of the exported audit report.</extracomment>
        <translation>GridTokenX audit trail</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <extracomment>Report heading: the filter used (machine form).</extracomment>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Exported by %1 (%2) on %3</source>
        <extracomment>Report heading: who exported it (%1 name, %2 id) and when (%3).</extracomment>
        <translation>Exported by %1 (%2) on %3</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <extracomment>Report footer: page %1 of %2.</extracomment>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <extracomment>Report signature line: who prepared the export.</extracomment>
        <translation>Prepared by</translation>
    </message>
    <message>
        <source>Reviewed by (auditor)</source>
        <extracomment>Report signature line: the auditor who reviewed it.</extracomment>
        <translation>Reviewed by (auditor)</translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>Report signature line: the date written by hand.</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>No record matches the filter.</source>
        <extracomment>Report: no record matched the filter.</extracomment>
        <translation>No record matches the filter.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <extracomment>Title of the Audit page.</extracomment>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Every operator action and the node&apos;s own records, newest first. Each record is signed with the key of whoever wrote it and chained to the one before, so an edit or a deletion is found by &quot;Verify integrity&quot;.</source>
        <extracomment>Audit page: what it holds and how it is kept.</extracomment>
        <translation>Every operator action and the node&apos;s own records, newest first. Each record is signed with the key of whoever wrote it and chained to the one before, so an edit or a deletion is found by &quot;Verify integrity&quot;.</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <extracomment>Audit filter: the period.</extracomment>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>All</source>
        <extracomment>Audit period: every record.</extracomment>
        <translation>All</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <extracomment>Audit period.</extracomment>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <extracomment>Audit period.</extracomment>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <extracomment>Audit period.</extracomment>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <extracomment>Audit filter: who acted.</extracomment>
        <translation>&amp;Operator:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <extracomment>Audit filter: any operator or the node.</extracomment>
        <translation>Anyone</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <extracomment>Audit filter: the action, exact or a prefix ending in a dot.</extracomment>
        <translation>A&amp;ction:</translation>
    </message>
    <message>
        <source>e.g. operator. or emergency.</source>
        <extracomment>Placeholder of the action filter.</extracomment>
        <translation>e.g. operator. or emergency.</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <extracomment>Audit filter: a zone code named in the record.</extracomment>
        <translation>&amp;Zone:</translation>
    </message>
    <message>
        <source>e.g. PEA-S</source>
        <extracomment>Placeholder of the zone filter.</extracomment>
        <translation>e.g. PEA-S</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <extracomment>Button: run the filter from the newest record.</extracomment>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&lt; &amp;Newer</source>
        <extracomment>Button: the page of newer records.</extracomment>
        <translation>&lt; &amp;Newer</translation>
    </message>
    <message>
        <source>O&amp;lder &gt;</source>
        <extracomment>Button: the page of older records.</extracomment>
        <translation>O&amp;lder &gt;</translation>
    </message>
    <message>
        <source>&amp;Verify integrity</source>
        <extracomment>Button: check the hash chains and signatures of the whole ledger.</extracomment>
        <translation>&amp;Verify integrity</translation>
    </message>
    <message>
        <source>Add &amp;note...</source>
        <extracomment>Button: add a note to the trail.</extracomment>
        <translation>Add &amp;note...</translation>
    </message>
    <message>
        <source>Export &amp;CSV...</source>
        <extracomment>Button: export what the filter matches as CSV.</extracomment>
        <translation>Export &amp;CSV...</translation>
    </message>
    <message>
        <source>Export P&amp;DF...</source>
        <extracomment>Button: export what the filter matches as a PDF report.</extracomment>
        <translation>Export P&amp;DF...</translation>
    </message>
    <message>
        <source>Integrity could not be checked: %1</source>
        <extracomment>Verification could not run; %1 why.</extracomment>
        <translation>Integrity could not be checked: %1</translation>
    </message>
    <message>
        <source>Intact: the chain of %1 records is complete and unaltered, every signature holds, and the %2 blocks chain correctly (checked %3).</source>
        <extracomment>Verification passed; %1 records, %2 blocks, %3 when.</extracomment>
        <translation>Intact: the chain of %1 records is complete and unaltered, every signature holds, and the %2 blocks chain correctly (checked %3).</translation>
    </message>
    <message>
        <source>The first %1 records were written before records were signed.</source>
        <extracomment>Added when old records carry no signature; %1 how many.</extracomment>
        <translation>The first %1 records were written before records were signed.</translation>
    </message>
    <message>
        <source>NOT intact: %1 (checked %2). Do not rely on this ledger: keep it as it is and report it to the administrator and the auditors.</source>
        <extracomment>Verification failed; %1 the first problem (the node&apos;s words), %2 when. Tells what to do.</extracomment>
        <translation>NOT intact: %1 (checked %2). Do not rely on this ledger: keep it as it is and report it to the administrator and the auditors.</translation>
    </message>
</context>
<context>
    <name>gtx::ui::AuditTableModel</name>
    <message>
        <source>Ledger created</source>
        <extracomment>Audit action: the ledger was created.</extracomment>
        <translation>Ledger created</translation>
    </message>
    <message>
        <source>Ledger unlocked</source>
        <extracomment>Audit action: the node opened the ledger.</extracomment>
        <translation>Ledger unlocked</translation>
    </message>
    <message>
        <source>Operator added</source>
        <extracomment>Audit action: an administrator added an operator.</extracomment>
        <translation>Operator added</translation>
    </message>
    <message>
        <source>Roles changed</source>
        <extracomment>Audit action: an administrator changed an operator&apos;s roles.</extracomment>
        <translation>Roles changed</translation>
    </message>
    <message>
        <source>Operator disabled</source>
        <extracomment>Audit action: an administrator disabled an operator.</extracomment>
        <translation>Operator disabled</translation>
    </message>
    <message>
        <source>Signed in</source>
        <extracomment>Audit action: an operator signed in.</extracomment>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Signed out</source>
        <extracomment>Audit action: an operator signed out.</extracomment>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <extracomment>Audit action: a sign-in failed (wrong id or passphrase).</extracomment>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Session locked</source>
        <extracomment>Audit action: the session locked (idle, or the operator disabled).</extracomment>
        <translation>Session locked</translation>
    </message>
    <message>
        <source>Passphrase confirmed</source>
        <extracomment>Audit action: an operator confirmed their passphrase before a critical command.</extracomment>
        <translation>Passphrase confirmed</translation>
    </message>
    <message>
        <source>Confirmation failed</source>
        <extracomment>Audit action: an operator&apos;s passphrase confirmation failed.</extracomment>
        <translation>Confirmation failed</translation>
    </message>
    <message>
        <source>Slashing cases exported</source>
        <extracomment>Audit action: an auditor exported the slashing cases.</extracomment>
        <translation>Slashing cases exported</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <extracomment>Audit action: the audit trail was exported.</extracomment>
        <translation>Audit trail exported</translation>
    </message>
    <message>
        <source>Note</source>
        <extracomment>Audit action: a note added to the audit trail.</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <source>Integrity verified</source>
        <extracomment>Audit action: the integrity of the trail was verified.</extracomment>
        <translation>Integrity verified</translation>
    </message>
    <message>
        <source>Unsigned (older ledger)</source>
        <extracomment>Audit column: a record written before records were signed.</extracomment>
        <translation>Unsigned (older ledger)</translation>
    </message>
    <message>
        <source>Operator&apos;s key</source>
        <extracomment>Audit column: signed with the operator&apos;s own key.</extracomment>
        <translation>Operator&apos;s key</translation>
    </message>
    <message>
        <source>Node key %1</source>
        <extracomment>Audit column: signed with the node&apos;s key (the node&apos;s own records), %1 the key&apos;s first digits.</extracomment>
        <translation>Node key %1</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>Audit column: the record&apos;s number in the trail.</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Audit column: when (Bangkok time).</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Who</source>
        <extracomment>Audit column: who acted.</extracomment>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <extracomment>Audit column: what was done.</extracomment>
        <translation>Action</translation>
    </message>
    <message>
        <source>Reason</source>
        <extracomment>Audit column: why (the operator&apos;s reason).</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Details</source>
        <extracomment>Audit column: further facts, as recorded.</extracomment>
        <translation>Details</translation>
    </message>
    <message>
        <source>Signed with</source>
        <extracomment>Audit column: which key signed the record.</extracomment>
        <translation>Signed with</translation>
    </message>
</context>
<context>
    <name>gtx::ui::BlockFeedModel</name>
    <message>
        <source>EGAT</source>
        <extracomment>Short name of the Electricity Generating Authority of Thailand.</extracomment>
        <translation>EGAT</translation>
    </message>
    <message>
        <source>MEA</source>
        <extracomment>Short name of the Metropolitan Electricity Authority.</extracomment>
        <translation>MEA</translation>
    </message>
    <message>
        <source>PEA</source>
        <extracomment>Short name of the Provincial Electricity Authority.</extracomment>
        <translation>PEA</translation>
    </message>
    <message>
        <source>NEPO</source>
        <extracomment>Short name of the Energy Policy and Planning Office.</extracomment>
        <translation>NEPO</translation>
    </message>
    <message>
        <source>ERC</source>
        <extracomment>Short name of the Energy Regulatory Commission.</extracomment>
        <translation>ERC</translation>
    </message>
    <message>
        <source>Not final</source>
        <extracomment>Finality of a block: not final yet.</extracomment>
        <translation>Not final</translation>
    </message>
    <message>
        <source>Fast</source>
        <extracomment>Finality level: the authorities&apos; two-step confirmation.</extracomment>
        <translation>Fast</translation>
    </message>
    <message>
        <source>Full</source>
        <extracomment>Finality level: Fast plus the stake validators&apos; attestations.</extracomment>
        <translation>Full</translation>
    </message>
    <message>
        <source>Economic</source>
        <extracomment>Finality level: Full and deep enough that reverting it would cost the stake.</extracomment>
        <translation>Economic</translation>
    </message>
    <message>
        <source>Block</source>
        <extracomment>Block feed column: the block&apos;s number.</extracomment>
        <translation>Block</translation>
    </message>
    <message>
        <source>Slot</source>
        <extracomment>Block feed column: the time slot the block belongs to.</extracomment>
        <translation>Slot</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Block feed column: when the block was made (Bangkok time).</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Proposer</source>
        <extracomment>Block feed column: who made the block.</extracomment>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Transactions</source>
        <extracomment>Block feed column: number of transactions in the block.</extracomment>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Finality</source>
        <extracomment>Block feed column: how final the block is.</extracomment>
        <translation>Finality</translation>
    </message>
</context>
<context>
    <name>gtx::ui::CaseTableModel</name>
    <message>
        <source>Two blocks for one slot</source>
        <extracomment>Slashing offence: one proposer signed two different blocks for one slot.</extracomment>
        <translation>Two blocks for one slot</translation>
    </message>
    <message>
        <source>Two votes for one target</source>
        <extracomment>Slashing offence: an authority signed two link votes with the same target slot.</extracomment>
        <translation>Two votes for one target</translation>
    </message>
    <message>
        <source>Surrounding vote</source>
        <extracomment>Slashing offence: an authority&apos;s link vote surrounds its own earlier vote.</extracomment>
        <translation>Surrounding vote</translation>
    </message>
    <message>
        <source>Two attestations for one slot</source>
        <extracomment>Slashing offence: a validator signed two attestations for one slot.</extracomment>
        <translation>Two attestations for one slot</translation>
    </message>
    <message>
        <source>Two emergency votes</source>
        <extracomment>Slashing offence: an authority signed two emergency votes for one order position.</extracomment>
        <translation>Two emergency votes</translation>
    </message>
    <message>
        <source>Double production</source>
        <extracomment>Slashing reason (the seed&apos;s list).</extracomment>
        <translation>Double production</translation>
    </message>
    <message>
        <source>Energy falsification</source>
        <extracomment>Slashing reason.</extracomment>
        <translation>Energy falsification</translation>
    </message>
    <message>
        <source>Grid violation</source>
        <extracomment>Slashing reason.</extracomment>
        <translation>Grid violation</translation>
    </message>
    <message>
        <source>Excessive downtime</source>
        <extracomment>Slashing reason.</extracomment>
        <translation>Excessive downtime</translation>
    </message>
    <message>
        <source>Malicious behaviour</source>
        <extracomment>Slashing reason.</extracomment>
        <translation>Malicious behaviour</translation>
    </message>
    <message>
        <source>Low</source>
        <extracomment>Severity of an offence.</extracomment>
        <translation>Low</translation>
    </message>
    <message>
        <source>Medium</source>
        <extracomment>Severity of an offence.</extracomment>
        <translation>Medium</translation>
    </message>
    <message>
        <source>High</source>
        <extracomment>Severity of an offence.</extracomment>
        <translation>High</translation>
    </message>
    <message>
        <source>Minor</source>
        <extracomment>Slashing tier: 1-5% of stake and a temporary suspension.</extracomment>
        <translation>Minor</translation>
    </message>
    <message>
        <source>Major</source>
        <extracomment>Slashing tier: 10-30% of stake and an extended suspension.</extracomment>
        <translation>Major</translation>
    </message>
    <message>
        <source>Critical</source>
        <extracomment>Slashing tier: 50-100% of stake and a permanent ban.</extracomment>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Held for appeal</source>
        <extracomment>Slashing case: the stake is held until the appeal window ends.</extracomment>
        <translation>Held for appeal</translation>
    </message>
    <message>
        <source>Executed</source>
        <extracomment>Slashing case: the held stake was burned.</extracomment>
        <translation>Executed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <extracomment>Slashing case: overturned on appeal, the stake given back.</extracomment>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Refunded by court order</source>
        <extracomment>Slashing case: executed, then refunded on a court order.</extracomment>
        <translation>Refunded by court order</translation>
    </message>
    <message>
        <source>Not appealed</source>
        <extracomment>Appeal stage: no appeal has been filed.</extracomment>
        <translation>Not appealed</translation>
    </message>
    <message>
        <source>Technical review</source>
        <extracomment>Appeal stage 1: the evidence is re-verified automatically.</extracomment>
        <translation>Technical review</translation>
    </message>
    <message>
        <source>Community review</source>
        <extracomment>Appeal stage 2: validators vote, weighted by stake.</extracomment>
        <translation>Community review</translation>
    </message>
    <message>
        <source>Authority review</source>
        <extracomment>Appeal stage 3: the authority quorum decides.</extracomment>
        <translation>Authority review</translation>
    </message>
    <message>
        <source>Decided</source>
        <extracomment>Appeal: decided.</extracomment>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Government review</source>
        <extracomment>An authority&apos;s case takes no tokens: it goes to government review.</extracomment>
        <translation>Government review</translation>
    </message>
    <message>
        <source>Offender</source>
        <extracomment>Cases table column: who is slashed (an authority&apos;s name or a validator&apos;s key).</extracomment>
        <translation>Offender</translation>
    </message>
    <message>
        <source>Offence</source>
        <extracomment>Cases table column: what the two signed messages prove.</extracomment>
        <translation>Offence</translation>
    </message>
    <message>
        <source>Tier</source>
        <extracomment>Cases table column: slashing tier and fraction of stake.</extracomment>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Taken (GT)</source>
        <extracomment>Cases table column: GT taken from the stake.</extracomment>
        <translation>Taken (GT)</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Cases table column: held, executed, cancelled or refunded.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Appeal</source>
        <extracomment>Cases table column: the appeal&apos;s stage.</extracomment>
        <translation>Appeal</translation>
    </message>
    <message>
        <source>Appeal window ends</source>
        <extracomment>Cases table column: when the appeal window ends and the slash is burned.</extracomment>
        <translation>Appeal window ends</translation>
    </message>
    <message>
        <source>Missed its proposer slots</source>
        <extracomment>Slashing offence: a validator missed too many of the slots it was drawn to propose in.</extracomment>
        <translation>Missed its proposer slots</translation>
    </message>
    <message>
        <source>Two readings for one interval</source>
        <extracomment>Slashing offence: a meter the validator owns signed two different readings for one 15-minute interval.</extracomment>
        <translation>Two readings for one interval</translation>
    </message>
</context>
<context>
    <name>gtx::ui::ConsensusPage</name>
    <message>
        <source>Consensus</source>
        <extracomment>Title of the Consensus page.</extracomment>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>This node</source>
        <extracomment>Group box on the Consensus page with facts about the node this console runs.</extracomment>
        <translation>This node</translation>
    </message>
    <message>
        <source>Network:</source>
        <extracomment>Consensus page row label.</extracomment>
        <translation>Network:</translation>
    </message>
    <message>
        <source>Block height:</source>
        <extracomment>Consensus page row label: number of the newest block.</extracomment>
        <translation>Block height:</translation>
    </message>
    <message>
        <source>Head block time:</source>
        <extracomment>Consensus page row label: time of the newest block (Bangkok time).</extracomment>
        <translation>Head block time:</translation>
    </message>
    <message>
        <source>Head block hash:</source>
        <extracomment>Consensus page row label: hash (hex) of the newest block.</extracomment>
        <translation>Head block hash:</translation>
    </message>
    <message>
        <source>State root:</source>
        <extracomment>Consensus page row label: Merkle root of the ledger state (hex).</extracomment>
        <translation>State root:</translation>
    </message>
    <message>
        <source>Audit records:</source>
        <extracomment>Consensus page row label: number of records in the audit trail.</extracomment>
        <translation>Audit records:</translation>
    </message>
    <message>
        <source>%1 s</source>
        <extracomment>Finality lag in seconds, e.g. &quot;2 s&quot;.</extracomment>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Finality</source>
        <extracomment>Group box on the Consensus page: the chain&apos;s heights at each finality level.</extracomment>
        <translation>Finality</translation>
    </message>
    <message>
        <source>Newest block:</source>
        <extracomment>Consensus page row label: number of the newest block.</extracomment>
        <translation>Newest block:</translation>
    </message>
    <message>
        <source>Fast-final:</source>
        <extracomment>Consensus page row label: newest block final at the Fast level.</extracomment>
        <translation>Fast-final:</translation>
    </message>
    <message>
        <source>Full-final:</source>
        <extracomment>Consensus page row label: newest block final at the Full level.</extracomment>
        <translation>Full-final:</translation>
    </message>
    <message>
        <source>Economic-final:</source>
        <extracomment>Consensus page row label: newest block final at the Economic level.</extracomment>
        <translation>Economic-final:</translation>
    </message>
    <message>
        <source>Finality lag:</source>
        <extracomment>Consensus page row label: how far the Fast-final block is behind the clock.</extracomment>
        <translation>Finality lag:</translation>
    </message>
    <message>
        <source>Peers:</source>
        <extracomment>Consensus page row label: number of nodes this one links to.</extracomment>
        <translation>Peers:</translation>
    </message>
    <message>
        <source>Recent blocks</source>
        <extracomment>Group box with the live feed of recent blocks.</extracomment>
        <translation>Recent blocks</translation>
    </message>
    <message>
        <source>This console has not joined a network. To follow a local devnet, start it with:
--join-devnet DIR</source>
        <extracomment>Shown when the console&apos;s node is not on a network.</extracomment>
        <translation>This console has not joined a network. To follow a local devnet, start it with:
--join-devnet DIR</translation>
    </message>
    <message>
        <source>Members (%1)</source>
        <extracomment>Tab with the authorities and validators of the network; %1 how many.</extracomment>
        <translation>Members (%1)</translation>
    </message>
    <message>
        <source>Peer links (%1)</source>
        <extracomment>Tab with this node&apos;s links to its peers; %1 how many.</extracomment>
        <translation>Peer links (%1)</translation>
    </message>
    <message>
        <source>Peer links (%1 lost)</source>
        <translation>Peer links (%1 lost)</translation>
    </message>
</context>
<context>
    <name>gtx::ui::GovernancePage</name>
    <message numerus="yes">
        <source>Proposals (%n)</source>
        <extracomment>Governance page: the proposals table&apos;s title; %n proposals on the chain.</extracomment>
        <translation>
            <numerusform>Proposals (%n)</numerusform>
            <numerusform>Proposals (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Technical upgrade: chain rules version %1 from %2. This console runs it.</source>
        <extracomment>A scheduled upgrade this console already runs; %1 version, %2 when.</extracomment>
        <translation>Technical upgrade: chain rules version %1 from %2. This console runs it.</translation>
    </message>
    <message>
        <source>Technical upgrade: chain rules version %1 from %2. This console runs version %3: install the new release before then, or it stops following the chain.</source>
        <extracomment>A scheduled upgrade this console does not run yet; %1 version, %2 when, %3 this console&apos;s version.</extracomment>
        <translation>Technical upgrade: chain rules version %1 from %2. This console runs version %3: install the new release before then, or it stops following the chain.</translation>
    </message>
    <message>
        <source>The chain runs chain rules version %1 since %2; this console runs version %3 and no longer follows it. Install the new release.</source>
        <extracomment>The chain has moved to rules this console does not have; %1 version, %2 when, %3 this console&apos;s version.</extracomment>
        <translation>The chain runs chain rules version %1 since %2; this console runs version %3 and no longer follows it. Install the new release.</translation>
    </message>
    <message>
        <source>Not connected to a network: there are no proposals to show.</source>
        <extracomment>Governance page, before the console has joined a network.</extracomment>
        <translation>Not connected to a network: there are no proposals to show.</translation>
    </message>
    <message>
        <source>No proposal has been made on this chain.</source>
        <extracomment>Governance page: the chain has no proposal.</extracomment>
        <translation>No proposal has been made on this chain.</translation>
    </message>
    <message>
        <source>Proposal</source>
        <extracomment>Governance page: the proposal box&apos;s title when none is selected.</extracomment>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Proposal: %1</source>
        <extracomment>Governance page: the proposal box&apos;s title; %1 the proposal&apos;s title as written.</extracomment>
        <translation>Proposal: %1</translation>
    </message>
    <message>
        <source>%1, %2 track: %3</source>
        <extracomment>A proposal&apos;s type, track and status: %1 type, %2 track, %3 status.</extracomment>
        <translation>%1, %2 track: %3</translation>
    </message>
    <message>
        <source>Authority %1 (%2)</source>
        <extracomment>An authority made the proposal; %1 its name, %2 its key.</extracomment>
        <translation>Authority %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 now, %3 proposed</source>
        <extracomment>A parameter an open proposal sets: %1 its name, %2 the value in force now, %3 the value proposed.</extracomment>
        <translation>%1: %2 now, %3 proposed</translation>
    </message>
    <message>
        <source>Chain rules version %1 from %2</source>
        <extracomment>A technical upgrade: %1 the chain rules version, %2 from when.</extracomment>
        <translation>Chain rules version %1 from %2</translation>
    </message>
    <message>
        <source>No parameter: the text is the rule or procedure adopted</source>
        <extracomment>A proposal that sets no parameter: its text is what it adopts.</extracomment>
        <translation>No parameter: the text is the rule or procedure adopted</translation>
    </message>
    <message>
        <source>Made %1; the authorities decide by %2, and it executes when their quorum approves</source>
        <extracomment>An emergency proposal&apos;s timeline: %1 made, %2 the latest the authorities can approve it.</extracomment>
        <translation>Made %1; the authorities decide by %2, and it executes when their quorum approves</translation>
    </message>
    <message>
        <source>Made %1; voting ends %2; executes %3 if it passes</source>
        <extracomment>A proposal&apos;s timeline: %1 made, %2 voting ends, %3 executes if passed.</extracomment>
        <translation>Made %1; voting ends %2; executes %3 if it passes</translation>
    </message>
    <message>
        <source>Decided %1</source>
        <extracomment>When it executed or failed; %1 the time.</extracomment>
        <translation>Decided %1</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <extracomment>A proposal not decided yet.</extracomment>
        <translation>Not decided yet</translation>
    </message>
    <message numerus="yes">
        <source>Tally at the close (%n vote(s))</source>
        <extracomment>The tally box after the close.</extracomment>
        <translation>
            <numerusform>Tally at the close (%n vote)</numerusform>
            <numerusform>Tally at the close (%n votes)</numerusform>
        </translation>
    </message>
    <message>
        <source>Needs %1 authorities to approve.</source>
        <extracomment>An emergency tally: %1 approvals needed.</extracomment>
        <translation>Needs %1 authorities to approve.</translation>
    </message>
    <message>
        <source>Weighted turnout %1 (quorum %2); weighted support %3 (needs %4 %5). %6</source>
        <extracomment>The weighted result: %1 turnout, %2 quorum, %3 support, %4 &quot;more than&quot; or &quot;at least&quot;, %5 the threshold, %6 verdict.</extracomment>
        <translation>Weighted turnout %1 (quorum %2); weighted support %3 (needs %4 %5). %6</translation>
    </message>
    <message>
        <source>at least</source>
        <extracomment>Support needed, followed by a percentage: at least the threshold (constitutional proposals).</extracomment>
        <translation>at least</translation>
    </message>
    <message>
        <source>more than</source>
        <extracomment>Support needed, followed by a percentage: more than the threshold (standard proposals).</extracomment>
        <translation>more than</translation>
    </message>
    <message>
        <source>It would pass if the vote closed now.</source>
        <extracomment>The tally as it stands would pass.</extracomment>
        <translation>It would pass if the vote closed now.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <extracomment>The closed vote passed.</extracomment>
        <translation>Passed.</translation>
    </message>
    <message>
        <source>It would not pass if the vote closed now.</source>
        <extracomment>The tally as it stands would not pass.</extracomment>
        <translation>It would not pass if the vote closed now.</translation>
    </message>
    <message>
        <source>Not passed.</source>
        <extracomment>The closed vote did not pass.</extracomment>
        <translation>Not passed.</translation>
    </message>
    <message>
        <source>Governance</source>
        <extracomment>Page title.</extracomment>
        <translation>Governance</translation>
    </message>
    <message>
        <source>Kind</source>
        <extracomment>Proposal details.</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Proposer</source>
        <extracomment>Proposal details: who made it.</extracomment>
        <translation>Proposer</translation>
    </message>
    <message>
        <source>Text</source>
        <extracomment>Proposal details: what it says.</extracomment>
        <translation>Text</translation>
    </message>
    <message>
        <source>Changes</source>
        <extracomment>Proposal details: the parameters it sets.</extracomment>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Timeline</source>
        <extracomment>Proposal details.</extracomment>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Deposit</source>
        <extracomment>Proposal details.</extracomment>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <extracomment>Proposal details: what it changed, or why not.</extracomment>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Passed; executes %1</source>
        <extracomment>Passed and waiting; %1 when it executes.</extracomment>
        <translation>Passed; executes %1</translation>
    </message>
    <message>
        <source>Executed: nodes below chain rules version %1 stop at %2</source>
        <extracomment>An executed upgrade: %1 version, %2 from when.</extracomment>
        <translation>Executed: nodes below chain rules version %1 stop at %2</translation>
    </message>
    <message>
        <source>Adopted: its text holds from %1</source>
        <extracomment>An executed proposal that sets no parameter.</extracomment>
        <translation>Adopted: its text holds from %1</translation>
    </message>
    <message>
        <source>Executed: %1</source>
        <extracomment>An executed parameter change; %1 the parameters and their new values.</extracomment>
        <translation>Executed: %1</translation>
    </message>
    <message>
        <source>Rejected: the authority quorum (%1 of %2) did not approve it</source>
        <extracomment>An emergency proposal the authorities did not approve; %1 of %2.</extracomment>
        <translation>Rejected: the authority quorum (%1 of %2) did not approve it</translation>
    </message>
    <message>
        <source>Rejected: no quorum (weighted turnout %1, %2 needed); the deposit is burned</source>
        <extracomment>Rejected for want of a quorum: %1 the weighted turnout, %2 the quorum.</extracomment>
        <translation>Rejected: no quorum (weighted turnout %1, %2 needed); the deposit is burned</translation>
    </message>
    <message>
        <source>Rejected: %1 for, %2 needed</source>
        <extracomment>Rejected for want of support: %1 weighted support, %2 the threshold.</extracomment>
        <translation>Rejected: %1 for, %2 needed</translation>
    </message>
    <message>
        <source>Passed, but not executed when due: %1</source>
        <extracomment>Passed, but the change no longer held when it was due; %1 the chain&apos;s reason, as recorded.</extracomment>
        <translation>Passed, but not executed when due: %1</translation>
    </message>
    <message>
        <source>Weights: authorities %1, stake validators %2, energy validators %3, community %4; deposit %5 GT, returned when the vote reaches its quorum.</source>
        <extracomment>Governance rules, line 1: %1-%4 the weights of authorities, stake validators, energy validators and the community; %5 the deposit in GT.</extracomment>
        <translation>Weights: authorities %1, stake validators %2, energy validators %3, community %4; deposit %5 GT, returned when the vote reaches its quorum.</translation>
    </message>
    <message>
        <source>Standard: %1 vote, %2 wait, quorum %3, more than %4 for. Constitutional: %5 vote, %6 wait, quorum %7, at least %8 for. Emergency: %9 of %10 authorities, within %11.</source>
        <extracomment>Governance rules, line 2: standard track %1 voting, %2 wait, %3 quorum, more than %4 for; constitutional %5, %6, %7, at least %8; emergency %9 of %10 authorities within %11.</extracomment>
        <translation>Standard: %1 vote, %2 wait, quorum %3, more than %4 for. Constitutional: %5 vote, %6 wait, quorum %7, at least %8 for. Emergency: %9 of %10 authorities, within %11.</translation>
    </message>
    <message>
        <source>Newest first, with the tally per class of voters. Proposals and votes are signed with the voter&apos;s own key (gtx-node tx propose, vote).</source>
        <extracomment>Governance page: what it shows, and how proposals and votes are made.</extracomment>
        <translation>Newest first, with the tally per class of voters. Proposals and votes are signed with the voter&apos;s own key (gtx-node tx propose, vote).</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <extracomment>A parameter a decided proposal set (or would have): %1 its name, %2 the value proposed.</extracomment>
        <translation>%1 to %2</translation>
    </message>
    <message numerus="yes">
        <source>Authorities&apos; votes so far (%n)</source>
        <extracomment>The tally box of an open emergency proposal: the authorities&apos; votes so far.</extracomment>
        <translation>
            <numerusform>Authorities&apos; votes so far (%n)</numerusform>
            <numerusform>Authorities&apos; votes so far (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tally so far (%n vote(s); validators weighed by their stake or energy now)</source>
        <extracomment>The tally box while the vote is open: validators are weighed by what they hold when it closes.</extracomment>
        <translation>
            <numerusform>Tally so far (%n vote; validators weighed by their stake or energy now)</numerusform>
            <numerusform>Tally so far (%n votes; validators weighed by their stake or energy now)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gtx::ui::GridPage</name>
    <message>
        <source>%1 to %2</source>
        <extracomment>The 15-minute interval shown: %1 its start (date and time), %2 its end (time).
----------
Energy balance: the band the losses must lie in; %1 lowest, %2 highest (percentages).</extracomment>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>Reported by EGAT</source>
        <extracomment>Grid page: EGAT has reported frequency, reserve margin and tie-line flows for the interval.</extracomment>
        <translation>Reported by EGAT</translation>
    </message>
    <message>
        <source>Not reported yet</source>
        <extracomment>Grid page: EGAT has not reported the interval yet (no frequency, reserve or tie-line flows).</extracomment>
        <translation>Not reported yet</translation>
    </message>
    <message>
        <source>Halted nationwide</source>
        <extracomment>Grid page: trading is halted in every zone.</extracomment>
        <translation>Halted nationwide</translation>
    </message>
    <message numerus="yes">
        <source>Halted in %n zone(s)</source>
        <extracomment>Grid page: trading is halted in some zones; %n how many.</extracomment>
        <translation>
            <numerusform>Halted in %n zone</numerusform>
            <numerusform>Halted in %n zones</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in every zone</source>
        <extracomment>Grid page: trading goes on as normal in every zone.</extracomment>
        <translation>Open in every zone</translation>
    </message>
    <message>
        <source>Grid</source>
        <extracomment>Title of the Grid page.</extracomment>
        <translation>Grid</translation>
    </message>
    <message>
        <source>This console has not joined a network, so there is no grid to show. To follow a local devnet, start it with:
--join-devnet DIR</source>
        <extracomment>Shown when the console&apos;s node is not on a network.</extracomment>
        <translation>This console has not joined a network, so there is no grid to show. To follow a local devnet, start it with:
--join-devnet DIR</translation>
    </message>
    <message>
        <source>Interval</source>
        <extracomment>Group box on the Grid page: the 15-minute interval shown and EGAT&apos;s report of it.</extracomment>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Interval:</source>
        <extracomment>Grid page row label: the 15-minute interval shown (the newest with data).</extracomment>
        <translation>Interval:</translation>
    </message>
    <message>
        <source>EGAT report:</source>
        <extracomment>Grid page row label: whether EGAT has reported the interval.</extracomment>
        <translation>EGAT report:</translation>
    </message>
    <message>
        <source>Frequency:</source>
        <extracomment>Grid page row label: the system frequency EGAT reported.</extracomment>
        <translation>Frequency:</translation>
    </message>
    <message>
        <source>Reserve margin:</source>
        <extracomment>Grid page row label: spare generating capacity as a share of the peak load.</extracomment>
        <translation>Reserve margin:</translation>
    </message>
    <message>
        <source>Trading:</source>
        <extracomment>Grid page row label: whether energy trading is open or halted.</extracomment>
        <translation>Trading:</translation>
    </message>
    <message>
        <source>Grid model:</source>
        <extracomment>Grid page row label: the grid model (zones, tie lines, loss band) the rules use.</extracomment>
        <translation>Grid model:</translation>
    </message>
    <message>
        <source>Losses:</source>
        <extracomment>Energy balance row label: in minus out.</extracomment>
        <translation>Losses:</translation>
    </message>
    <message>
        <source>Loss band:</source>
        <extracomment>Energy balance row label: the band the losses must lie in.</extracomment>
        <translation>Loss band:</translation>
    </message>
    <message>
        <source>Verdict:</source>
        <extracomment>Energy balance row label: the verdict.</extracomment>
        <translation>Verdict:</translation>
    </message>
    <message>
        <source>Zones</source>
        <extracomment>Group box with the table of grid zones.</extracomment>
        <translation>Zones</translation>
    </message>
    <message>
        <source>Tie lines</source>
        <extracomment>Group box with the table of tie lines between zones.</extracomment>
        <translation>Tie lines</translation>
    </message>
    <message>
        <source>Generation</source>
        <extracomment>Trend chart series: energy the zone&apos;s meters produced per 15 minutes.</extracomment>
        <translation>Generation</translation>
    </message>
    <message>
        <source>Consumption</source>
        <extracomment>Trend chart series: energy the zone&apos;s meters consumed per 15 minutes.</extracomment>
        <translation>Consumption</translation>
    </message>
    <message>
        <source>In:</source>
        <extracomment>Energy balance row label: what came into the zone.</extracomment>
        <translation>In:</translation>
    </message>
    <message>
        <source>Generation + tie-line imports</source>
        <extracomment>Energy balance row tooltip.</extracomment>
        <translation>Generation + tie-line imports</translation>
    </message>
    <message>
        <source>Out:</source>
        <extracomment>Energy balance row label: what left the zone.</extracomment>
        <translation>Out:</translation>
    </message>
    <message>
        <source>Consumption + tie-line exports</source>
        <extracomment>Energy balance row tooltip.</extracomment>
        <translation>Consumption + tie-line exports</translation>
    </message>
    <message>
        <source>%1: energy balance, and the last 24 hours per 15 minutes</source>
        <extracomment>Group box with the energy balance and the 24-hour trend (per 15 minutes) of the zone selected; %1 the zone.</extracomment>
        <translation>%1: energy balance, and the last 24 hours per 15 minutes</translation>
    </message>
    <message numerus="yes">
        <source>(no newer data for %n min)</source>
        <extracomment>After the interval shown when no newer data has come; %n its age in minutes.</extracomment>
        <translation>
            <numerusform>(no newer data for %n min)</numerusform>
            <numerusform>(no newer data for %n min)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tie lines (%1 over capacity, %2 N-1 not met, %3 out of service)</source>
        <extracomment>Group box with the tie lines when some are abnormal; %1 over capacity, %2 failing N-1, %3 out of service.</extracomment>
        <translation>Tie lines (%1 over capacity, %2 N-1 not met, %3 out of service)</translation>
    </message>
</context>
<context>
    <name>gtx::ui::MainWindow</name>
    <message>
        <source>Grid</source>
        <extracomment>Navigation entry and page title: the power grid by zone.</extracomment>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Consensus</source>
        <extracomment>Navigation entry: the blockchain consensus among the authorities&apos; nodes.</extracomment>
        <translation>Consensus</translation>
    </message>
    <message>
        <source>Emergency</source>
        <extracomment>Navigation entry: emergency actions on trading and the grid.</extracomment>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Staking</source>
        <extracomment>Navigation entry: the stake (collateral) each authority&apos;s node puts up.</extracomment>
        <translation>Staking</translation>
    </message>
    <message>
        <source>Slashing &amp; Appeals</source>
        <extracomment>Navigation entry: penalties that cut a misbehaving node&apos;s stake, and appeals against them.</extracomment>
        <translation>Slashing &amp; Appeals</translation>
    </message>
    <message>
        <source>Governance</source>
        <extracomment>Navigation entry: proposals and votes on rules and parameters.</extracomment>
        <translation>Governance</translation>
    </message>
    <message>
        <source>Audit</source>
        <extracomment>Navigation entry: the audit trail of who did what, when and why.</extracomment>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Alarms</source>
        <extracomment>Navigation entry: active and past alarms.</extracomment>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>Navigation entry: language and node settings.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>When built, this page will show the emergency actions - halting trading in a zone, islanding and restoring it - each with its approvals and stated reason.</source>
        <extracomment>What the unbuilt Emergency page will show.</extracomment>
        <translation>When built, this page will show the emergency actions - halting trading in a zone, islanding and restoring it - each with its approvals and stated reason.</translation>
    </message>
    <message>
        <source>When built, this page will show the stake each authority&apos;s node has put up, and stake being added or withdrawn.</source>
        <extracomment>What the unbuilt Staking page will show.</extracomment>
        <translation>When built, this page will show the stake each authority&apos;s node has put up, and stake being added or withdrawn.</translation>
    </message>
    <message>
        <source>When built, this page will show active and past alarms by priority, for acknowledgement and shelving.</source>
        <extracomment>What the unbuilt Alarms page will show.</extracomment>
        <translation>When built, this page will show active and past alarms by priority, for acknowledgement and shelving.</translation>
    </message>
    <message>
        <source>GridTokenX Operator Console</source>
        <extracomment>Main window title.</extracomment>
        <translation>GridTokenX Operator Console</translation>
    </message>
    <message>
        <source>Shutting down the node...</source>
        <extracomment>Status bar message while the node closes the ledger after the window was closed.</extracomment>
        <translation>Shutting down the node...</translation>
    </message>
    <message>
        <source>Finality has stalled: the newest final block (%2) is %1 s behind the clock.</source>
        <extracomment>Alarm banner: Fast finality has not advanced. %1 seconds, %2 the newest Fast-final block.</extracomment>
        <translation>Finality has stalled: the newest final block (%2) is %1 s behind the clock.</translation>
    </message>
    <message>
        <source>No link to: %1.</source>
        <extracomment>Appended to the stall alarm: the authorities this node cannot hear. %1 their names.</extracomment>
        <translation>No link to: %1.</translation>
    </message>
    <message>
        <source>Link to authority lost: %1.</source>
        <extracomment>Alarm banner: this node has heard nothing for five slots from these authorities&apos; nodes. %1 their names.</extracomment>
        <translation>Link to authority lost: %1.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <extracomment>Status bar while no operator is signed in.</extracomment>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Operator: %1 (%2), %3</source>
        <extracomment>Status bar: the signed-in operator (%1 their name, %2 their id) and their roles (%3).</extracomment>
        <translation>Operator: %1 (%2), %3</translation>
    </message>
    <message numerus="yes">
        <source>Operator: %1 (%2), %n role(s)</source>
        <extracomment>Status bar: the signed-in operator (%1 their name, %2 their id) with %n roles (listed in the tooltip).</extracomment>
        <translation>
            <numerusform>Operator: %1 (%2), %n role</numerusform>
            <numerusform>Operator: %1 (%2), %n roles</numerusform>
        </translation>
    </message>
    <message>
        <source>Roles:</source>
        <extracomment>Tooltip of the operator in the status bar: their roles, one per line.</extracomment>
        <translation>Roles:</translation>
    </message>
</context>
<context>
    <name>gtx::ui::MemberTableModel</name>
    <message>
        <source>Authority %1</source>
        <extracomment>Members table: an authority, %1 its short name.</extracomment>
        <translation>Authority %1</translation>
    </message>
    <message>
        <source>Stake validator</source>
        <translation>Stake validator</translation>
    </message>
    <message>
        <source>Energy validator</source>
        <translation>Energy validator</translation>
    </message>
    <message>
        <source>Member</source>
        <extracomment>Members table column: who the member is.</extracomment>
        <translation>Member</translation>
    </message>
    <message>
        <source>Key</source>
        <extracomment>Members table column: the start of the member&apos;s public key.</extracomment>
        <translation>Key</translation>
    </message>
    <message>
        <source>Stake (GT)</source>
        <extracomment>Members table column: bonded stake in GT.</extracomment>
        <translation>Stake (GT)</translation>
    </message>
    <message>
        <source>Blocks made</source>
        <extracomment>Members table column: blocks the validator made.</extracomment>
        <translation>Blocks made</translation>
    </message>
    <message>
        <source>Slots missed</source>
        <extracomment>Members table column: slots the validator was drawn for and made no block.</extracomment>
        <translation>Slots missed</translation>
    </message>
    <message>
        <source>Uptime</source>
        <extracomment>Members table column: blocks made out of slots drawn, in percent.</extracomment>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Stake validator (suspended)</source>
        <translation>Stake validator (suspended)</translation>
    </message>
    <message>
        <source>Energy validator (suspended)</source>
        <translation>Energy validator (suspended)</translation>
    </message>
    <message>
        <source>Rewards (GT)</source>
        <extracomment>Members table column: fees the validator earned as proposer and attester, in GT.</extracomment>
        <translation>Rewards (GT)</translation>
    </message>
</context>
<context>
    <name>gtx::ui::NodeStatusWidget</name>
    <message>
        <source>Network: %1</source>
        <extracomment>Status bar: the blockchain network the node belongs to; %1 is e.g. &quot;devnet&quot;.</extracomment>
        <translation>Network: %1</translation>
    </message>
    <message>
        <source>Block height: %1</source>
        <extracomment>Status bar: height (number) of the newest block.</extracomment>
        <translation>Block height: %1</translation>
    </message>
    <message>
        <source>Head block: %1</source>
        <extracomment>Status bar: time of the newest block, in Bangkok time.</extracomment>
        <translation>Head block: %1</translation>
    </message>
    <message>
        <source>Ledger unlocked</source>
        <extracomment>Status bar: the encrypted ledger is open.</extracomment>
        <translation>Ledger unlocked</translation>
    </message>
    <message>
        <source>Ledger locked</source>
        <extracomment>Status bar: the encrypted ledger is closed; the node is not working.</extracomment>
        <translation>Ledger locked</translation>
    </message>
</context>
<context>
    <name>gtx::ui::OperatorDialog</name>
    <message>
        <source>GridTokenX - Add operator</source>
        <extracomment>Window title of the dialog that adds an operator.</extracomment>
        <translation>GridTokenX - Add operator</translation>
    </message>
    <message>
        <source>Add an operator</source>
        <extracomment>Heading of the add-operator dialog.</extracomment>
        <translation>Add an operator</translation>
    </message>
    <message>
        <source>The new operator gets their own key, sealed under the initial passphrase you set here (at least %1 characters). Give it to them in person.</source>
        <extracomment>Explanation in the add-operator dialog; %1 the passphrase minimum.</extracomment>
        <translation>The new operator gets their own key, sealed under the initial passphrase you set here (at least %1 characters). Give it to them in person.</translation>
    </message>
    <message>
        <source>Add operator</source>
        <extracomment>Button that adds the operator.</extracomment>
        <translation>Add operator</translation>
    </message>
    <message>
        <source>GridTokenX - Change roles</source>
        <extracomment>Window title of the dialog that changes an operator&apos;s roles.</extracomment>
        <translation>GridTokenX - Change roles</translation>
    </message>
    <message>
        <source>Roles of %1 (%2)</source>
        <extracomment>Heading of the change-roles dialog; %1 the operator&apos;s name, %2 their id.</extracomment>
        <translation>Roles of %1 (%2)</translation>
    </message>
    <message>
        <source>The new roles apply at once, to a session already signed in too.</source>
        <extracomment>Explanation in the change-roles dialog.</extracomment>
        <translation>The new roles apply at once, to a session already signed in too.</translation>
    </message>
    <message>
        <source>Change roles</source>
        <extracomment>Button that changes the roles.</extracomment>
        <translation>Change roles</translation>
    </message>
    <message>
        <source>GridTokenX - Disable operator</source>
        <extracomment>Window title of the dialog that disables an operator.</extracomment>
        <translation>GridTokenX - Disable operator</translation>
    </message>
    <message>
        <source>Disable %1 (%2)</source>
        <extracomment>Heading of the disable dialog; %1 the operator&apos;s name, %2 their id.</extracomment>
        <translation>Disable %1 (%2)</translation>
    </message>
    <message>
        <source>They can no longer sign in, and a session of theirs ends at once. This cannot be undone: the id is never given again.</source>
        <extracomment>Explanation in the disable dialog: what disabling does and that it cannot be undone.</extracomment>
        <translation>They can no longer sign in, and a session of theirs ends at once. This cannot be undone: the id is never given again.</translation>
    </message>
    <message>
        <source>Disable operator</source>
        <extracomment>Button that disables the operator.</extracomment>
        <translation>Disable operator</translation>
    </message>
    <message>
        <source>Operator &amp;id:</source>
        <extracomment>Label of the operator id field.</extracomment>
        <translation>Operator &amp;id:</translation>
    </message>
    <message>
        <source>1 to 32 characters: small letters a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <extracomment>Tooltip of the operator id field.</extracomment>
        <translation>1 to 32 characters: small letters a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <extracomment>Label of the new operator&apos;s name.</extracomment>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <extracomment>Label of the role check boxes.</extracomment>
        <translation>Roles:</translation>
    </message>
    <message>
        <source>Initial &amp;passphrase:</source>
        <extracomment>Label of the new operator&apos;s initial passphrase.</extracomment>
        <translation>Initial &amp;passphrase:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <extracomment>Label of its confirmation.</extracomment>
        <translation>&amp;Confirm passphrase:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <extracomment>Label of the reason, recorded in the audit trail with the change.</extracomment>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Your passphrase:</source>
        <extracomment>Label of the administrator&apos;s own passphrase, asked again before the change (re-authentication).</extracomment>
        <translation>&amp;Your passphrase:</translation>
    </message>
    <message>
        <source>Type the new operator&apos;s id.</source>
        <extracomment>Error: the new operator&apos;s id is empty.</extracomment>
        <translation>Type the new operator&apos;s id.</translation>
    </message>
    <message>
        <source>Type the new operator&apos;s name.</source>
        <extracomment>Error: the new operator&apos;s name is empty.</extracomment>
        <translation>Type the new operator&apos;s name.</translation>
    </message>
    <message>
        <source>Tick at least one role.</source>
        <extracomment>Error: no role is ticked.</extracomment>
        <translation>Tick at least one role.</translation>
    </message>
    <message>
        <source>The initial passphrase is too short: use at least %1 characters.</source>
        <extracomment>Error: the initial passphrase is shorter than the minimum; %1 the minimum.</extracomment>
        <translation>The initial passphrase is too short: use at least %1 characters.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <extracomment>Error: the two initial passphrases differ.</extracomment>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <source>Give a reason: it is recorded in the audit trail with the change.</source>
        <extracomment>Error: the reason is empty (it goes into the audit trail).</extracomment>
        <translation>Give a reason: it is recorded in the audit trail with the change.</translation>
    </message>
    <message>
        <source>Type your own passphrase to confirm the change.</source>
        <extracomment>Error: the administrator&apos;s own passphrase is empty.</extracomment>
        <translation>Type your own passphrase to confirm the change.</translation>
    </message>
    <message>
        <source>Your passphrase is wrong: nothing was changed.</source>
        <extracomment>Error: the administrator&apos;s own passphrase was wrong; nothing was changed.</extracomment>
        <translation>Your passphrase is wrong: nothing was changed.</translation>
    </message>
    <message>
        <source>Your session has locked: nothing was changed. Sign in again.</source>
        <extracomment>Error: the administrator&apos;s session locked; nothing was changed.</extracomment>
        <translation>Your session has locked: nothing was changed. Sign in again.</translation>
    </message>
    <message>
        <source>Only an administrator may change the operators.</source>
        <extracomment>Error: the signed-in operator is not an administrator.</extracomment>
        <translation>Only an administrator may change the operators.</translation>
    </message>
    <message>
        <source>The change was refused: %1</source>
        <extracomment>Error: the node refused the change; %1 its reason (the node&apos;s rule, in English).</extracomment>
        <translation>The change was refused: %1</translation>
    </message>
</context>
<context>
    <name>gtx::ui::OperatorTableModel</name>
    <message>
        <source>control-room operator</source>
        <extracomment>Role: an EGAT control-room operator (may request halts, handles alarms).</extracomment>
        <translation>control-room operator</translation>
    </message>
    <message>
        <source>supervisor</source>
        <extracomment>Role: the authority supervisor, who approves critical commands.</extracomment>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>validator owner</source>
        <extracomment>Role: the owner of a validator (manages their stake).</extracomment>
        <translation>validator owner</translation>
    </message>
    <message>
        <source>auditor</source>
        <extracomment>Role: an auditor (read-only, notes, exports).</extracomment>
        <translation>auditor</translation>
    </message>
    <message>
        <source>administrator</source>
        <extracomment>Role: the administrator, who manages operators and roles.</extracomment>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Active</source>
        <extracomment>Operator list: the operator may sign in.</extracomment>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Id</source>
        <extracomment>Operator list column: the operator&apos;s id.</extracomment>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>Operator list column: the operator&apos;s name.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roles</source>
        <extracomment>Operator list column: the operator&apos;s roles.</extracomment>
        <translation>Roles</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>Operator list column: active or disabled.</extracomment>
        <translation>State</translation>
    </message>
    <message>
        <source>Added</source>
        <extracomment>Operator list column: when the operator was added (Bangkok time).</extracomment>
        <translation>Added</translation>
    </message>
    <message>
        <source>Added by</source>
        <extracomment>Operator list column: the administrator who added them.</extracomment>
        <translation>Added by</translation>
    </message>
</context>
<context>
    <name>gtx::ui::PeerTableModel</name>
    <message>
        <source>Connecting</source>
        <extracomment>Peer link state: nothing heard yet, shortly after start.</extracomment>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Up</source>
        <extracomment>Peer link state: messages arrive.</extracomment>
        <translation>Up</translation>
    </message>
    <message>
        <source>Quiet</source>
        <extracomment>Peer link state: an observer that has sent nothing lately, which is normal.</extracomment>
        <translation>Quiet</translation>
    </message>
    <message>
        <source>Lost</source>
        <extracomment>Peer link state: a member not heard from for five slots.</extracomment>
        <translation>Lost</translation>
    </message>
    <message>
        <source>Banned</source>
        <extracomment>Peer link state: the peer misbehaved and is refused for a while.</extracomment>
        <translation>Banned</translation>
    </message>
    <message>
        <source>Authority %1</source>
        <extracomment>Peers table: an authority&apos;s node, %1 its short name.</extracomment>
        <translation>Authority %1</translation>
    </message>
    <message>
        <source>Validator</source>
        <extracomment>Peers table: a validator&apos;s node.</extracomment>
        <translation>Validator</translation>
    </message>
    <message>
        <source>Observer</source>
        <extracomment>Peers table: a node that follows the chain without voting (an operator console).</extracomment>
        <translation>Observer</translation>
    </message>
    <message>
        <source>Former member</source>
        <extracomment>Peers table: a configured peer that is no longer a member.</extracomment>
        <translation>Former member</translation>
    </message>
    <message>
        <source>never</source>
        <extracomment>Peers table: nothing was ever received from this peer.</extracomment>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <extracomment>Peers table: seconds since the last message from the peer, e.g. &quot;0.4 s ago&quot;.</extracomment>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <source>Peer</source>
        <extracomment>Peers table column: whose node the link goes to.</extracomment>
        <translation>Peer</translation>
    </message>
    <message>
        <source>Key</source>
        <extracomment>Peers table column: the start of the peer&apos;s public key.</extracomment>
        <translation>Key</translation>
    </message>
    <message>
        <source>Link</source>
        <extracomment>Peers table column: the link&apos;s health.</extracomment>
        <translation>Link</translation>
    </message>
    <message>
        <source>Last heard</source>
        <extracomment>Peers table column: time since the last message from the peer.</extracomment>
        <translation>Last heard</translation>
    </message>
    <message>
        <source>Messages</source>
        <extracomment>Peers table column: messages received from the peer.</extracomment>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Score</source>
        <extracomment>Peers table column: the peer&apos;s behaviour score (0 is clean; lower for bad messages).</extracomment>
        <translation>Score</translation>
    </message>
</context>
<context>
    <name>gtx::ui::PlaceholderPage</name>
    <message>
        <source>This page is not built yet.</source>
        <extracomment>Shown on every page of the console that has not been built yet.</extracomment>
        <translation>This page is not built yet.</translation>
    </message>
</context>
<context>
    <name>gtx::ui::ProposalTableModel</name>
    <message>
        <source>Parameter change</source>
        <extracomment>Governance proposal type: changes governed parameters (fees, windows, weights).</extracomment>
        <translation>Parameter change</translation>
    </message>
    <message>
        <source>Authority update</source>
        <extracomment>Governance proposal type: adds or removes an authority.</extracomment>
        <translation>Authority update</translation>
    </message>
    <message>
        <source>Emergency protocol</source>
        <extracomment>Governance proposal type: an emergency procedure, decided by the authorities at once.</extracomment>
        <translation>Emergency protocol</translation>
    </message>
    <message>
        <source>Market rule</source>
        <extracomment>Governance proposal type: an energy market rule.</extracomment>
        <translation>Market rule</translation>
    </message>
    <message>
        <source>Technical upgrade</source>
        <extracomment>Governance proposal type: a software upgrade from a given slot.</extracomment>
        <translation>Technical upgrade</translation>
    </message>
    <message>
        <source>Emergency</source>
        <extracomment>Governance track: the authorities decide at once.</extracomment>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Standard</source>
        <extracomment>Governance track: 7 days of voting, then 7 days before it executes.</extracomment>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Constitutional</source>
        <extracomment>Governance track: voting weights, thresholds and timelines; 30 days and 30 days.</extracomment>
        <translation>Constitutional</translation>
    </message>
    <message>
        <source>Voting</source>
        <extracomment>Proposal status: votes are being taken.</extracomment>
        <translation>Voting</translation>
    </message>
    <message>
        <source>Passed, waiting</source>
        <extracomment>Proposal status: passed, waiting until it executes.</extracomment>
        <translation>Passed, waiting</translation>
    </message>
    <message>
        <source>Rejected</source>
        <extracomment>Proposal status: no quorum, or not enough support.</extracomment>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Enacted</source>
        <extracomment>Proposal status: executed.</extracomment>
        <translation>Enacted</translation>
    </message>
    <message>
        <source>Failed when due</source>
        <extracomment>Proposal status: passed, but its change no longer held when it was due.</extracomment>
        <translation>Failed when due</translation>
    </message>
    <message>
        <source>held until the vote closes</source>
        <extracomment>A proposal&apos;s deposit while the vote is open.</extracomment>
        <translation>held until the vote closes</translation>
    </message>
    <message>
        <source>returned</source>
        <extracomment>A proposal&apos;s deposit: the vote reached its quorum.</extracomment>
        <translation>returned</translation>
    </message>
    <message>
        <source>burned (no quorum)</source>
        <extracomment>A proposal&apos;s deposit: the vote did not reach its quorum.</extracomment>
        <translation>burned (no quorum)</translation>
    </message>
    <message>
        <source>none (an authority&apos;s emergency proposal)</source>
        <extracomment>An emergency proposal carries no deposit.</extracomment>
        <translation>none (an authority&apos;s emergency proposal)</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <extracomment>A duration in whole days.</extracomment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <extracomment>A duration in whole hours.</extracomment>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <extracomment>A duration in whole minutes.</extracomment>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <extracomment>A duration in seconds.</extracomment>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal</source>
        <extracomment>Proposals table column.</extracomment>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Type</source>
        <extracomment>Proposals table column.</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <source>Track</source>
        <extracomment>Proposals table column: emergency, standard or constitutional.</extracomment>
        <translation>Track</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Proposals table column.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Voting ends</source>
        <extracomment>Proposals table column: when the vote closes.</extracomment>
        <translation>Voting ends</translation>
    </message>
    <message>
        <source>Transaction fee</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Transaction fee</translation>
    </message>
    <message>
        <source>Appeal window</source>
        <extracomment>Governed parameter: how long a slashing case is held for appeals.</extracomment>
        <translation>Appeal window</translation>
    </message>
    <message>
        <source>Time to file an appeal</source>
        <extracomment>Governed parameter: how long after a case an appeal may be filed.</extracomment>
        <translation>Time to file an appeal</translation>
    </message>
    <message>
        <source>Community review</source>
        <extracomment>Governed parameter: how long validators vote on an appeal.</extracomment>
        <translation>Community review</translation>
    </message>
    <message>
        <source>Temporary suspension</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Temporary suspension</translation>
    </message>
    <message>
        <source>Extended suspension</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Extended suspension</translation>
    </message>
    <message>
        <source>Duties before downtime is judged</source>
        <extracomment>Governed parameter: proposer duties before downtime is judged.</extracomment>
        <translation>Duties before downtime is judged</translation>
    </message>
    <message>
        <source>Downtime threshold</source>
        <extracomment>Governed parameter: share of duties missed that is excessive downtime.</extracomment>
        <translation>Downtime threshold</translation>
    </message>
    <message>
        <source>Proposal deposit</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Proposal deposit</translation>
    </message>
    <message>
        <source>Trade settlement window</source>
        <extracomment>Governed parameter (market rule): how long after an interval its trades may settle.</extracomment>
        <translation>Trade settlement window</translation>
    </message>
    <message>
        <source>Authorities&apos; weight</source>
        <extracomment>Governed parameter: the authorities&apos; weight in a tally.</extracomment>
        <translation>Authorities&apos; weight</translation>
    </message>
    <message>
        <source>Stake validators&apos; weight</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Stake validators&apos; weight</translation>
    </message>
    <message>
        <source>Energy validators&apos; weight</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Energy validators&apos; weight</translation>
    </message>
    <message>
        <source>Community&apos;s weight</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Community&apos;s weight</translation>
    </message>
    <message>
        <source>Standard quorum</source>
        <extracomment>Governed parameter: weighted turnout a standard proposal needs.</extracomment>
        <translation>Standard quorum</translation>
    </message>
    <message>
        <source>Standard support</source>
        <extracomment>Governed parameter: weighted support a standard proposal must exceed.</extracomment>
        <translation>Standard support</translation>
    </message>
    <message>
        <source>Constitutional quorum</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Constitutional quorum</translation>
    </message>
    <message>
        <source>Constitutional support</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Constitutional support</translation>
    </message>
    <message>
        <source>Standard voting time</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Standard voting time</translation>
    </message>
    <message>
        <source>Standard wait</source>
        <extracomment>Governed parameter: the wait between a standard vote and execution.</extracomment>
        <translation>Standard wait</translation>
    </message>
    <message>
        <source>Constitutional voting time</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Constitutional voting time</translation>
    </message>
    <message>
        <source>Constitutional wait</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Constitutional wait</translation>
    </message>
    <message>
        <source>Emergency voting time</source>
        <extracomment>Governed parameter.</extracomment>
        <translation>Emergency voting time</translation>
    </message>
    <message>
        <source>For / turnout</source>
        <extracomment>Proposals table column: weighted support, then weighted turnout.</extracomment>
        <translation>For / turnout</translation>
    </message>
</context>
<context>
    <name>gtx::ui::SettingsPage</name>
    <message>
        <source>Settings</source>
        <extracomment>Title of the Settings page.</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <extracomment>Group box on the Settings page.</extracomment>
        <translation>Language</translation>
    </message>
    <message>
        <source>&amp;Display language:</source>
        <extracomment>Settings page: label of the language selector.</extracomment>
        <translation>&amp;Display language:</translation>
    </message>
    <message>
        <source>English</source>
        <extracomment>Name of the English language in the language selector. Keep it in English, so that English readers can find it.</extracomment>
        <translation>English</translation>
    </message>
    <message>
        <source>The change takes effect at once, without a restart. Dates are in Bangkok time; Thai shows the Buddhist Era year.</source>
        <extracomment>Settings page: note under the language selector.</extracomment>
        <translation>The change takes effect at once, without a restart. Dates are in Bangkok time; Thai shows the Buddhist Era year.</translation>
    </message>
    <message>
        <source>Node</source>
        <extracomment>Group box on the Settings page with read-only facts about the node.</extracomment>
        <translation>Node</translation>
    </message>
    <message>
        <source>Data directory:</source>
        <extracomment>Settings page: label of the folder where the node keeps its ledger.</extracomment>
        <translation>Data directory:</translation>
    </message>
    <message>
        <source>Ledger:</source>
        <extracomment>Settings page: label of the ledger state.</extracomment>
        <translation>Ledger:</translation>
    </message>
    <message numerus="yes">
        <source>Unlocked, %1 audit record(s)</source>
        <extracomment>Settings page: ledger state when open; %1 is the number of audit records.</extracomment>
        <translation>
            <numerusform>Unlocked, %1 audit record</numerusform>
            <numerusform>Unlocked, %1 audit records</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked</source>
        <extracomment>Settings page: ledger state when it exists but is closed.</extracomment>
        <translation>Locked</translation>
    </message>
    <message>
        <source>No ledger in this data directory yet</source>
        <extracomment>Settings page: no ledger has been created in the data directory.</extracomment>
        <translation>No ledger in this data directory yet</translation>
    </message>
    <message>
        <source>Operators and roles</source>
        <extracomment>Group box on the Settings page: the console&apos;s operators and their roles.</extracomment>
        <translation>Operators and roles</translation>
    </message>
    <message>
        <source>Everyone who uses this console signs in with their own key. Only an administrator adds operators, changes roles and disables; every change is signed and recorded in the audit trail.</source>
        <extracomment>Settings page: what the operator list is and who may change it.</extracomment>
        <translation>Everyone who uses this console signs in with their own key. Only an administrator adds operators, changes roles and disables; every change is signed and recorded in the audit trail.</translation>
    </message>
    <message>
        <source>&amp;Add operator...</source>
        <extracomment>Button: add an operator (administrator only).</extracomment>
        <translation>&amp;Add operator...</translation>
    </message>
    <message>
        <source>Change &amp;roles...</source>
        <extracomment>Button: change the selected operator&apos;s roles (administrator only).</extracomment>
        <translation>Change &amp;roles...</translation>
    </message>
    <message>
        <source>Disa&amp;ble...</source>
        <extracomment>Button: disable the selected operator (administrator only).</extracomment>
        <translation>Disa&amp;ble...</translation>
    </message>
</context>
<context>
    <name>gtx::ui::SignInDialog</name>
    <message>
        <source>GridTokenX - First administrator</source>
        <extracomment>Window title of the dialog that makes the console&apos;s first operator.</extracomment>
        <translation>GridTokenX - First administrator</translation>
    </message>
    <message>
        <source>Create the first administrator</source>
        <extracomment>Heading of the first-administrator dialog.</extracomment>
        <translation>Create the first administrator</translation>
    </message>
    <message>
        <source>No operator has been set up on this ledger yet. Create your own administrator account: it gets its own key, sealed under the passphrase you choose (at least %1 characters). You then add the other operators and their roles on the Settings page.</source>
        <extracomment>Explanation in the first-administrator dialog; %1 the passphrase minimum.</extracomment>
        <translation>No operator has been set up on this ledger yet. Create your own administrator account: it gets its own key, sealed under the passphrase you choose (at least %1 characters). You then add the other operators and their roles on the Settings page.</translation>
    </message>
    <message>
        <source>GridTokenX - Sign in</source>
        <extracomment>Window title of the operator sign-in dialog.</extracomment>
        <translation>GridTokenX - Sign in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <extracomment>Heading of the sign-in dialog.
----------
Button that signs the operator in.</extracomment>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sign in with your own operator id and passphrase. Every command you give is signed with your key and recorded in the audit trail.</source>
        <extracomment>Explanation in the sign-in dialog.</extracomment>
        <translation>Sign in with your own operator id and passphrase. Every command you give is signed with your key and recorded in the audit trail.</translation>
    </message>
    <message>
        <source>GridTokenX - Session locked</source>
        <extracomment>Window title when the session locked after inactivity.</extracomment>
        <translation>GridTokenX - Session locked</translation>
    </message>
    <message>
        <source>The session is locked</source>
        <extracomment>Heading of the dialog shown when the session locked.</extracomment>
        <translation>The session is locked</translation>
    </message>
    <message>
        <source>The session locked after a period without use. Sign in again to give commands; another operator may sign in instead at a shift change.</source>
        <extracomment>Explanation when the session locked after inactivity.</extracomment>
        <translation>The session locked after a period without use. Sign in again to give commands; another operator may sign in instead at a shift change.</translation>
    </message>
    <message>
        <source>Operator &amp;id:</source>
        <extracomment>Label of the operator id field (letters a-z, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</extracomment>
        <translation>Operator &amp;id:</translation>
    </message>
    <message>
        <source>1 to 32 characters: small letters a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <extracomment>Tooltip of the operator id field.</extracomment>
        <translation>1 to 32 characters: small letters a-z, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <extracomment>Label of the display name field (first administrator).</extracomment>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <extracomment>Label of the passphrase field in the sign-in dialog.</extracomment>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <extracomment>Label of the confirmation field (first administrator).</extracomment>
        <translation>&amp;Confirm passphrase:</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <extracomment>Button that creates the first administrator.</extracomment>
        <translation>Create administrator</translation>
    </message>
    <message>
        <source>Close console</source>
        <extracomment>Button that closes the console instead of signing in.</extracomment>
        <translation>Close console</translation>
    </message>
    <message>
        <source>Checking: deriving the key from the passphrase...</source>
        <extracomment>Shown with a busy bar while the node checks the passphrase.</extracomment>
        <translation>Checking: deriving the key from the passphrase...</translation>
    </message>
    <message>
        <source>Type your operator id.</source>
        <extracomment>Error when the operator id field is empty.</extracomment>
        <translation>Type your operator id.</translation>
    </message>
    <message>
        <source>Type your name as it should appear in the audit trail.</source>
        <extracomment>Error when the name field of the first administrator is empty.</extracomment>
        <translation>Type your name as it should appear in the audit trail.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters.</source>
        <extracomment>Error when the new passphrase is shorter than the minimum; %1 is the minimum.</extracomment>
        <translation>The passphrase is too short: use at least %1 characters.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <extracomment>Error when the two passphrases of the first administrator differ.</extracomment>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <extracomment>Error when Sign in is pressed with an empty passphrase field.</extracomment>
        <translation>Type the passphrase first.</translation>
    </message>
    <message>
        <source>The operator id or the passphrase is wrong. Check Caps Lock and the keyboard language (Thai or English), then try again.</source>
        <extracomment>Error after a wrong operator id or passphrase (the dialog does not say which).</extracomment>
        <translation>The operator id or the passphrase is wrong. Check Caps Lock and the keyboard language (Thai or English), then try again.</translation>
    </message>
    <message>
        <source>Your key file does not match the operator list. Do not use this console; tell an administrator.</source>
        <extracomment>Error when the operator&apos;s key file does not match the operator list.</extracomment>
        <translation>Your key file does not match the operator list. Do not use this console; tell an administrator.</translation>
    </message>
    <message>
        <source>The passphrase cannot be used: %1</source>
        <extracomment>Error when the node refuses a new passphrase; %1 the node&apos;s reason (English).</extracomment>
        <translation>The passphrase cannot be used: %1</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <extracomment>Error when the sign-in failed for another reason; %1 the node&apos;s reason (English).</extracomment>
        <translation>Signing in failed: %1</translation>
    </message>
</context>
<context>
    <name>gtx::ui::SlashingPage</name>
    <message numerus="yes">
        <source>Cases (%n)</source>
        <extracomment>Slashing page: the cases table&apos;s title; %n cases on the chain.</extracomment>
        <translation>
            <numerusform>Cases (%n)</numerusform>
            <numerusform>Cases (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to a network: there are no cases to show.</source>
        <extracomment>Slashing page, before the console has joined a network.</extracomment>
        <translation>Not connected to a network: there are no cases to show.</translation>
    </message>
    <message>
        <source>No validator or authority has been slashed on this chain.</source>
        <extracomment>Slashing page: the chain has no slashing case.</extracomment>
        <translation>No validator or authority has been slashed on this chain.</translation>
    </message>
    <message>
        <source>Case</source>
        <extracomment>Slashing page: the case box&apos;s title when no case is selected.</extracomment>
        <translation>Case</translation>
    </message>
    <message>
        <source>Case: %1, %2</source>
        <extracomment>Slashing page: the case box&apos;s title; %1 the offender, %2 the offence.</extracomment>
        <translation>Case: %1, %2</translation>
    </message>
    <message>
        <source>Authority %1 (%2)</source>
        <translation>Authority %1 (%2)</translation>
    </message>
    <message>
        <source>Validator %1</source>
        <translation>Validator %1</translation>
    </message>
    <message>
        <source>%1, severity %2, %3 earlier case(s): %4 tier, %5 of the stake</source>
        <extracomment>The decision: %1 reason, %2 severity, %3 earlier cases, %4 tier, %5 fraction of stake.</extracomment>
        <translation>%1, severity %2, %3 earlier case(s): %4 tier, %5 of the stake</translation>
    </message>
    <message>
        <source>No tokens: referred to government review with a licence-revocation proposal</source>
        <extracomment>An authority&apos;s case takes no tokens.</extracomment>
        <translation>No tokens: referred to government review with a licence-revocation proposal</translation>
    </message>
    <message>
        <source>(%1 GT owed could not be collected)</source>
        <extracomment>Owed but already taken by another case, or no longer anywhere.</extracomment>
        <translation>(%1 GT owed could not be collected)</translation>
    </message>
    <message>
        <source>None (the regulator decides on the licence)</source>
        <extracomment>An authority is not suspended by the chain.</extracomment>
        <translation>None (the regulator decides on the licence)</translation>
    </message>
    <message>
        <source>Banned for ever</source>
        <extracomment>A permanent suspension.</extracomment>
        <translation>Banned for ever</translation>
    </message>
    <message>
        <source>Until %1</source>
        <extracomment>A suspension until a date and time.</extracomment>
        <translation>Until %1</translation>
    </message>
    <message>
        <source>Slot %1, %2; recorded in slot %3, %4</source>
        <extracomment>When the offence happened and when the chain recorded it: %1 slot, %2 time, %3 slot, %4 time.</extracomment>
        <translation>Slot %1, %2; recorded in slot %3, %4</translation>
    </message>
    <message>
        <source>Appeal by %1; held until %2</source>
        <extracomment>The case&apos;s deadlines: %1 the last time to file an appeal, %2 the end of the appeal window (then it is burned).</extracomment>
        <translation>Appeal by %1; held until %2</translation>
    </message>
    <message>
        <source>until %1: %2 GT to overturn, %3 GT to uphold</source>
        <extracomment>Community review in progress: %1 the deadline, %2 GT to overturn, %3 GT to uphold.</extracomment>
        <translation>until %1: %2 GT to overturn, %3 GT to uphold</translation>
    </message>
    <message>
        <source>Court case: %1</source>
        <extracomment>A recorded Thai court proceeding; %1 its reference as written.</extracomment>
        <translation>Court case: %1</translation>
    </message>
    <message>
        <source>The offender&apos;s key signed two different blocks for slot %1.</source>
        <extracomment>Double-proposal evidence; %1 the slot.</extracomment>
        <translation>The offender&apos;s key signed two different blocks for slot %1.</translation>
    </message>
    <message>
        <source>The offender&apos;s key signed two link votes that conflict.</source>
        <extracomment>Link-vote evidence: two votes that cannot both be honest.</extracomment>
        <translation>The offender&apos;s key signed two link votes that conflict.</translation>
    </message>
    <message>
        <source>The offender&apos;s key signed two conflicting votes for slot %1.</source>
        <extracomment>Attestation or emergency-vote evidence; %1 the slot.</extracomment>
        <translation>The offender&apos;s key signed two conflicting votes for slot %1.</translation>
    </message>
    <message>
        <source>source slot %1, target slot %2</source>
        <extracomment>A link vote&apos;s slots: %1 its source, %2 its target.</extracomment>
        <translation>source slot %1, target slot %2</translation>
    </message>
    <message>
        <source>slot %1</source>
        <extracomment>A message&apos;s slot.</extracomment>
        <translation>slot %1</translation>
    </message>
    <message>
        <source>Message %1: %2, signed %3, signature %4</source>
        <extracomment>One of the two signed messages: %1 its number (1 or 2), %2 its slot(s), %3 the hash it signed, %4 its signature.</extracomment>
        <translation>Message %1: %2, signed %3, signature %4</translation>
    </message>
    <message>
        <source>Verified by this node: both signatures are the offender&apos;s and the messages conflict.</source>
        <extracomment>This node checked the evidence itself.</extracomment>
        <translation>Verified by this node: both signatures are the offender&apos;s and the messages conflict.</translation>
    </message>
    <message>
        <source>Not verified by this node: %1</source>
        <extracomment>This node&apos;s check of the evidence failed; %1 why.</extracomment>
        <translation>Not verified by this node: %1</translation>
    </message>
    <message numerus="yes">
        <source>Appeal trail (%n)</source>
        <extracomment>The appeal trail&apos;s title; %n steps.</extracomment>
        <translation>
            <numerusform>Appeal trail (%n)</numerusform>
            <numerusform>Appeal trail (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Export slashing cases</source>
        <extracomment>Save dialog title for the auditors&apos; export.</extracomment>
        <translation>Export slashing cases</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <extracomment>File type filter.</extracomment>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <extracomment>While the export is written.</extracomment>
        <translation>Exporting...</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <extracomment>The export succeeded; %1 the file&apos;s name.</extracomment>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Slashing &amp; Appeals</source>
        <extracomment>Page title.</extracomment>
        <translation>Slashing &amp; Appeals</translation>
    </message>
    <message>
        <source>Every slashing case on the chain, newest first, as this node verified it. Appeals are signed by the parties&apos; and authorities&apos; own keys.</source>
        <extracomment>Slashing page: what the page shows and how it is kept.</extracomment>
        <translation>Every slashing case on the chain, newest first, as this node verified it. Appeals are signed by the parties&apos; and authorities&apos; own keys.</translation>
    </message>
    <message>
        <source>Export for audit...</source>
        <extracomment>Button: write every case and its appeal trail to a CSV file for auditors.</extracomment>
        <translation>Export for audit...</translation>
    </message>
    <message>
        <source>Offender</source>
        <extracomment>Case details: who.</extracomment>
        <translation>Offender</translation>
    </message>
    <message>
        <source>Decision</source>
        <extracomment>Case details: how the penalty was decided.</extracomment>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Stake at the offence</source>
        <extracomment>Case details: the stake bonded to the offender when it offended.</extracomment>
        <translation>Stake at the offence</translation>
    </message>
    <message>
        <source>Taken</source>
        <extracomment>Case details: what the slash took, and from whom.</extracomment>
        <translation>Taken</translation>
    </message>
    <message>
        <source>Suspension</source>
        <extracomment>Case details.</extracomment>
        <translation>Suspension</translation>
    </message>
    <message>
        <source>Offence</source>
        <extracomment>Case details: when.</extracomment>
        <translation>Offence</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <extracomment>Case details.</extracomment>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>Status</source>
        <extracomment>Case details: the case&apos;s state and its appeal.</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evidence</source>
        <extracomment>Group title: the two signed messages that prove the offence.</extracomment>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>%1 GT from its own stake being unbonded</source>
        <translation>%1 GT from its own stake being unbonded</translation>
    </message>
    <message>
        <source>%1 GT from its own bond</source>
        <translation>%1 GT from its own bond</translation>
    </message>
    <message>
        <source>%1 GT from delegator %2, redelegated to %3</source>
        <extracomment>A part of a slash: %1 GT of delegator %2&apos;s stake, followed to validator %3 where it was redelegated after the offence.</extracomment>
        <translation>%1 GT from delegator %2, redelegated to %3</translation>
    </message>
    <message>
        <source>%1 GT from delegator %2, being unbonded</source>
        <translation>%1 GT from delegator %2, being unbonded</translation>
    </message>
    <message>
        <source>%1 GT from delegator %2</source>
        <translation>%1 GT from delegator %2</translation>
    </message>
    <message>
        <source>The chain records that it produced no block in %1 of the last %2 slots it was drawn for (gaps the whole network caused are not counted).</source>
        <extracomment>Downtime evidence: %1 missed of its last %2 proposer duties (the chain&apos;s own record).</extracomment>
        <translation>The chain records that it produced no block in %1 of the last %2 slots it was drawn for (gaps the whole network caused are not counted).</translation>
    </message>
    <message>
        <source>Recorded by the chain as this node executed it.</source>
        <extracomment>Downtime: the figures are the chain&apos;s, which this node executed itself.</extracomment>
        <translation>Recorded by the chain as this node executed it.</translation>
    </message>
    <message>
        <source>A meter the offender owns signed two different readings for one 15-minute interval: one of them is false.</source>
        <extracomment>Energy evidence: a meter the offender owns signed two different readings for one interval.</extracomment>
        <translation>A meter the offender owns signed two different readings for one 15-minute interval: one of them is false.</translation>
    </message>
    <message>
        <source>None (an authority bonds no stake)</source>
        <translation>None (an authority bonds no stake)</translation>
    </message>
    <message>
        <source>Not exported: the audit trail refused the entry: %1</source>
        <translation>Not exported: the audit trail refused the entry: %1</translation>
    </message>
</context>
<context>
    <name>gtx::ui::TallyTableModel</name>
    <message>
        <source>Authorities</source>
        <extracomment>Class of voters in a governance tally.</extracomment>
        <translation>Authorities</translation>
    </message>
    <message>
        <source>Stake validators</source>
        <extracomment>Class of voters: validators weighted by stake.</extracomment>
        <translation>Stake validators</translation>
    </message>
    <message>
        <source>Energy validators</source>
        <extracomment>Class of voters: validators weighted by verified energy.</extracomment>
        <translation>Energy validators</translation>
    </message>
    <message>
        <source>Community</source>
        <extracomment>Class of voters: token holders, weighted by balance.</extracomment>
        <translation>Community</translation>
    </message>
    <message>
        <source>not counted</source>
        <extracomment>A class with no eligible weight takes no part in the tally.</extracomment>
        <translation>not counted</translation>
    </message>
    <message>
        <source>no votes</source>
        <translation>no votes</translation>
    </message>
    <message>
        <source>Class</source>
        <extracomment>Tally table column: the class of voters.</extracomment>
        <translation>Class</translation>
    </message>
    <message>
        <source>Weight</source>
        <extracomment>Tally table column: the class&apos;s weight in the result.</extracomment>
        <translation>Weight</translation>
    </message>
    <message>
        <source>For</source>
        <extracomment>Tally table column: weight voting for.</extracomment>
        <translation>For</translation>
    </message>
    <message>
        <source>Against</source>
        <extracomment>Tally table column: weight voting against.</extracomment>
        <translation>Against</translation>
    </message>
    <message>
        <source>Abstain</source>
        <extracomment>Tally table column.</extracomment>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>Eligible</source>
        <extracomment>Tally table column: the class&apos;s whole weight.</extracomment>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Turnout</source>
        <extracomment>Tally table column: share of the class&apos;s weight that voted.</extracomment>
        <translation>Turnout</translation>
    </message>
    <message>
        <source>Support</source>
        <extracomment>Tally table column: share for, of those for or against.</extracomment>
        <translation>Support</translation>
    </message>
</context>
<context>
    <name>gtx::ui::TieLineTableModel</name>
    <message>
        <source>Not reported</source>
        <extracomment>Tie-line state: EGAT has not reported the line&apos;s flow for the interval.</extracomment>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>Over capacity</source>
        <extracomment>Tie-line state: the flow is above the line&apos;s rating.</extracomment>
        <translation>Over capacity</translation>
    </message>
    <message>
        <source>N-1 not met</source>
        <extracomment>Tie-line state: the corridor would be overloaded if its largest circuit tripped (N-1).</extracomment>
        <translation>N-1 not met</translation>
    </message>
    <message>
        <source>Normal</source>
        <extracomment>Tie-line state: within its rating and N-1 secure.</extracomment>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Tie line</source>
        <extracomment>Tie-line table column: the line&apos;s name.</extracomment>
        <translation>Tie line</translation>
    </message>
    <message>
        <source>Flow (MW)</source>
        <extracomment>Tie-line table column: the flow EGAT reported in MW (negative: from the receiving end).</extracomment>
        <translation>Flow (MW)</translation>
    </message>
    <message>
        <source>Loading</source>
        <extracomment>Tie-line table column: the flow as a share of the rating.</extracomment>
        <translation>Loading</translation>
    </message>
    <message>
        <source>State</source>
        <extracomment>Tie-line table column: normal, over capacity or N-1 not met.</extracomment>
        <translation>State</translation>
    </message>
    <message>
        <source>From %1 to %2</source>
        <extracomment>Tie-line tooltip: %1 the zone at its sending end, %2 at its receiving end.</extracomment>
        <translation>From %1 to %2</translation>
    </message>
    <message>
        <source>From %1 to %2, corridor %3</source>
        <extracomment>Tie-line tooltip: %1 and %2 the zones it joins, %3 the corridor of parallel circuits it belongs to.</extracomment>
        <translation>From %1 to %2, corridor %3</translation>
    </message>
    <message>
        <source>Rating (MW)</source>
        <extracomment>Tie-line table column: the line&apos;s rating (capacity) in MW.</extracomment>
        <translation>Rating (MW)</translation>
    </message>
    <message>
        <source>Out of service, N-1 not met</source>
        <translation>Out of service, N-1 not met</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Out of service</translation>
    </message>
</context>
<context>
    <name>gtx::ui::TrailTableModel</name>
    <message>
        <source>Appeal filed</source>
        <extracomment>Appeal trail: a party filed the appeal.</extracomment>
        <translation>Appeal filed</translation>
    </message>
    <message>
        <source>Vote</source>
        <extracomment>Appeal trail: a validator&apos;s vote.</extracomment>
        <translation>Vote</translation>
    </message>
    <message>
        <source>Decision</source>
        <extracomment>Appeal trail: an authority&apos;s decision.
----------
Appeal trail column.</extracomment>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Court case</source>
        <extracomment>Appeal trail: a Thai court proceeding was recorded.</extracomment>
        <translation>Court case</translation>
    </message>
    <message>
        <source>Court order</source>
        <extracomment>Appeal trail: an authority signed a court-ordered refund.</extracomment>
        <translation>Court order</translation>
    </message>
    <message>
        <source>Automatic</source>
        <extracomment>Appeal trail: a step the chain took itself (the technical review, a deadline).</extracomment>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Upholds</source>
        <extracomment>Appeal trail: the decision upholds the slash / overturns it.</extracomment>
        <translation>Upholds</translation>
    </message>
    <message>
        <source>Overturns</source>
        <translation>Overturns</translation>
    </message>
    <message>
        <source>%1 (%2 GT)</source>
        <extracomment>A community vote and its weight: &quot;Overturns (100,000 GT)&quot;.</extracomment>
        <translation>%1 (%2 GT)</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>Appeal trail column.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>Step</source>
        <extracomment>Appeal trail column: the stage and what was done.</extracomment>
        <translation>Step</translation>
    </message>
    <message>
        <source>By</source>
        <extracomment>Appeal trail column: who signed it.</extracomment>
        <translation>By</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <extracomment>Appeal trail column: grounds, reasoning or a court reference, as written.</extracomment>
        <translation>Reasoning</translation>
    </message>
    <message>
        <source>The evidence verifies again.</source>
        <translation>The evidence verifies again.</translation>
    </message>
    <message>
        <source>The evidence does not verify: the slash is overturned.</source>
        <translation>The evidence does not verify: the slash is overturned.</translation>
    </message>
    <message>
        <source>Not overturned by the community: the authorities decide.</source>
        <translation>Not overturned by the community: the authorities decide.</translation>
    </message>
    <message>
        <source>Overturned by the community.</source>
        <translation>Overturned by the community.</translation>
    </message>
    <message>
        <source>No authority quorum to overturn by the end of the appeal window: the slash stands.</source>
        <extracomment>Appeal trail: the appeal window ended without an authority quorum to overturn.</extracomment>
        <translation>No authority quorum to overturn by the end of the appeal window: the slash stands.</translation>
    </message>
</context>
<context>
    <name>gtx::ui::UnlockDialog</name>
    <message>
        <source>GridTokenX - Create ledger</source>
        <extracomment>Window title of the dialog that creates a new encrypted ledger on first run.</extracomment>
        <translation>GridTokenX - Create ledger</translation>
    </message>
    <message>
        <source>Create the ledger</source>
        <extracomment>Heading of the create-ledger dialog.</extracomment>
        <translation>Create the ledger</translation>
    </message>
    <message>
        <source>This data directory has no ledger yet. Choose the passphrase that will encrypt it. The ledger cannot be opened without it: keep it as your key-custody procedure requires.</source>
        <extracomment>Explanation at the top of the create-ledger dialog (first run).</extracomment>
        <translation>This data directory has no ledger yet. Choose the passphrase that will encrypt it. The ledger cannot be opened without it: keep it as your key-custody procedure requires.</translation>
    </message>
    <message>
        <source>GridTokenX - Unlock ledger</source>
        <extracomment>Window title of the dialog that asks for the passphrase at start-up.</extracomment>
        <translation>GridTokenX - Unlock ledger</translation>
    </message>
    <message>
        <source>Unlock the ledger</source>
        <extracomment>Heading of the unlock dialog.</extracomment>
        <translation>Unlock the ledger</translation>
    </message>
    <message>
        <source>Enter the ledger passphrase. The node keeps no data open and takes no part in the network until the ledger is unlocked.</source>
        <extracomment>Explanation at the top of the unlock dialog.</extracomment>
        <translation>Enter the ledger passphrase. The node keeps no data open and takes no part in the network until the ledger is unlocked.</translation>
    </message>
    <message>
        <source>Data directory: %1</source>
        <extracomment>Second line of the unlock/create dialog; %1 is a folder path.</extracomment>
        <translation>Data directory: %1</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <extracomment>Label of the passphrase field.</extracomment>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <extracomment>Label of the second passphrase field (create-ledger dialog).</extracomment>
        <translation>&amp;Confirm passphrase:</translation>
    </message>
    <message>
        <source>&amp;Show passphrase</source>
        <extracomment>Check box that shows the typed passphrase in clear text.</extracomment>
        <translation>&amp;Show passphrase</translation>
    </message>
    <message>
        <source>Why at least %1 characters: the ledger file is encrypted with this passphrase, and anyone who obtains a copy of the file can try passphrases offline without limit. Every extra character multiplies their work. Several words make a long passphrase that is easy to remember.</source>
        <extracomment>Why the passphrase must be long; shown under the strength hint when creating a ledger.</extracomment>
        <translation>Why at least %1 characters: the ledger file is encrypted with this passphrase, and anyone who obtains a copy of the file can try passphrases offline without limit. Every extra character multiplies their work. Several words make a long passphrase that is easy to remember.</translation>
    </message>
    <message>
        <source>Caps Lock appears to be on.</source>
        <extracomment>Warning in the unlock dialog, guessed from the letters typed.</extracomment>
        <translation>Caps Lock appears to be on.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <extracomment>Live message under the confirmation field while the two passphrases differ.</extracomment>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <source>Create ledger</source>
        <extracomment>Button that creates the encrypted ledger.</extracomment>
        <translation>Create ledger</translation>
    </message>
    <message>
        <source>Unlock</source>
        <extracomment>Button that unlocks the ledger.</extracomment>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Creating the ledger: deriving the key from the passphrase...</source>
        <extracomment>Shown with a busy bar while the ledger is being created.</extracomment>
        <translation>Creating the ledger: deriving the key from the passphrase...</translation>
    </message>
    <message>
        <source>Unlocking: deriving the key from the passphrase...</source>
        <extracomment>Shown with a busy bar while the ledger is being unlocked.</extracomment>
        <translation>Unlocking: deriving the key from the passphrase...</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <extracomment>Strength hint before anything is typed (create-ledger dialog).</extracomment>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too short: %n character(s), at least %1 needed.</source>
        <extracomment>Strength hint while the passphrase is shorter than the minimum; %1 is the minimum.</extracomment>
        <translation>
            <numerusform>Too short: %n character, at least %1 needed.</numerusform>
            <numerusform>Too short: %n characters, at least %1 needed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Strong: %n character(s), %1 of 4 character types (a-z, A-Z, 0-9, symbols or Thai letters).</source>
        <extracomment>Strength hint for a good passphrase; %1 is how many of the 4 character types are used.</extracomment>
        <translation>
            <numerusform>Strong: %n character, %1 of 4 character types (a-z, A-Z, 0-9, symbols or Thai letters).</numerusform>
            <numerusform>Strong: %n characters, %1 of 4 character types (a-z, A-Z, 0-9, symbols or Thai letters).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Acceptable: %n character(s), %1 of 4 character types (a-z, A-Z, 0-9, symbols or Thai letters). Longer, or more types, is stronger.</source>
        <extracomment>Strength hint for an acceptable passphrase; %1 is how many of the 4 character types are used.</extracomment>
        <translation>
            <numerusform>Acceptable: %n character, %1 of 4 character types (a-z, A-Z, 0-9, symbols or Thai letters). Longer, or more types, is stronger.</numerusform>
            <numerusform>Acceptable: %n characters, %1 of 4 character types (a-z, A-Z, 0-9, symbols or Thai letters). Longer, or more types, is stronger.</numerusform>
        </translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters.</source>
        <extracomment>Error when the new passphrase is shorter than the minimum; %1 is the minimum.</extracomment>
        <translation>The passphrase is too short: use at least %1 characters.</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <extracomment>Error when Unlock is pressed with an empty passphrase field.</extracomment>
        <translation>Type the passphrase first.</translation>
    </message>
    <message>
        <source>Wrong passphrase. The ledger is still locked. Check Caps Lock and the keyboard language (Thai or English), then type it again.</source>
        <extracomment>Error after a wrong passphrase; the dialog stays open for another try.</extracomment>
        <translation>Wrong passphrase. The ledger is still locked. Check Caps Lock and the keyboard language (Thai or English), then type it again.</translation>
    </message>
    <message>
        <source>The ledger could not be created: %1</source>
        <extracomment>Error when the node could not create the ledger; %1 is the node&apos;s reason (English).</extracomment>
        <translation>The ledger could not be created: %1</translation>
    </message>
    <message>
        <source>The ledger could not be opened: %1</source>
        <extracomment>Error when the node could not open the ledger; %1 is the node&apos;s reason (English).</extracomment>
        <translation>The ledger could not be opened: %1</translation>
    </message>
</context>
<context>
    <name>gtx::ui::ZoneTableModel</name>
    <message>
        <source>EGAT transmission</source>
        <extracomment>Grid zone: EGAT&apos;s transmission network (its own generators and loads).</extracomment>
        <translation>EGAT transmission</translation>
    </message>
    <message>
        <source>MEA metropolitan</source>
        <extracomment>Grid zone: MEA&apos;s metropolitan area (Bangkok, Nonthaburi, Samut Prakan).</extracomment>
        <translation>MEA metropolitan</translation>
    </message>
    <message>
        <source>PEA north</source>
        <extracomment>Grid zone: PEA&apos;s northern region.</extracomment>
        <translation>PEA north</translation>
    </message>
    <message>
        <source>PEA northeast</source>
        <extracomment>Grid zone: PEA&apos;s northeastern region.</extracomment>
        <translation>PEA northeast</translation>
    </message>
    <message>
        <source>PEA central</source>
        <extracomment>Grid zone: PEA&apos;s central region.</extracomment>
        <translation>PEA central</translation>
    </message>
    <message>
        <source>PEA south</source>
        <extracomment>Grid zone: PEA&apos;s southern region.</extracomment>
        <translation>PEA south</translation>
    </message>
    <message>
        <source>PEA east</source>
        <extracomment>Grid zone: PEA&apos;s eastern region.</extracomment>
        <translation>PEA east</translation>
    </message>
    <message>
        <source>PEA west</source>
        <extracomment>Grid zone: PEA&apos;s western region.</extracomment>
        <translation>PEA west</translation>
    </message>
    <message>
        <source>Not judged</source>
        <extracomment>Energy balance of a zone: not judged (no readings, or EGAT has not reported the interval).</extracomment>
        <translation>Not judged</translation>
    </message>
    <message>
        <source>Balanced</source>
        <extracomment>Energy balance of a zone: losses inside the configured band.</extracomment>
        <translation>Balanced</translation>
    </message>
    <message>
        <source>Losses too low</source>
        <extracomment>Energy balance of a zone: more energy went out than came in (losses below the band).</extracomment>
        <translation>Losses too low</translation>
    </message>
    <message>
        <source>Losses too high</source>
        <extracomment>Energy balance of a zone: energy vanished (losses above the band).</extracomment>
        <translation>Losses too high</translation>
    </message>
    <message>
        <source>Halted</source>
        <translation>Halted</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Zone</source>
        <extracomment>Zone table column: the grid zone.</extracomment>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Grid operator</source>
        <extracomment>Zone table column: the authority that operates the zone&apos;s grid.</extracomment>
        <translation>Grid operator</translation>
    </message>
    <message>
        <source>Readings</source>
        <extracomment>Zone table column: signed meter readings accepted for the interval.</extracomment>
        <translation>Readings</translation>
    </message>
    <message>
        <source>Generation (kWh)</source>
        <extracomment>Zone table column: energy the zone&apos;s meters produced, in kWh.</extracomment>
        <translation>Generation (kWh)</translation>
    </message>
    <message>
        <source>Consumption (kWh)</source>
        <extracomment>Zone table column: energy the zone&apos;s meters consumed, in kWh.</extracomment>
        <translation>Consumption (kWh)</translation>
    </message>
    <message>
        <source>Imports (kWh)</source>
        <extracomment>Zone table column: energy that came in over tie lines, in kWh (EGAT&apos;s report).</extracomment>
        <translation>Imports (kWh)</translation>
    </message>
    <message>
        <source>Exports (kWh)</source>
        <extracomment>Zone table column: energy that went out over tie lines, in kWh (EGAT&apos;s report).</extracomment>
        <translation>Exports (kWh)</translation>
    </message>
    <message>
        <source>Losses</source>
        <extracomment>Zone table column: losses as a share of what came in.</extracomment>
        <translation>Losses</translation>
    </message>
    <message>
        <source>Energy balance</source>
        <extracomment>Zone table column: the energy-balance verdict (generation + imports = consumption + exports + losses).</extracomment>
        <translation>Energy balance</translation>
    </message>
    <message>
        <source>Trading</source>
        <extracomment>Zone table column: whether energy trading is open or halted in the zone.</extracomment>
        <translation>Trading</translation>
    </message>
</context>
</TS>
