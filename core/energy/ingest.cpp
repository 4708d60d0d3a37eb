#include "core/energy/ingest.h"

#include "core/common/parallel.h"


namespace gtx::energy {

ReadingIngest::ReadingIngest(std::uint32_t networkId, const GridModel &model, ReadingRules rules,
                             GridOperatorKeys operators)
    : m_networkId(networkId), m_model(model), m_rules(rules), m_operators(std::move(operators))
{
}

Status ReadingIngest::registerMeter(const MeterRecord &record)
{
    GTX_TRY(checkMeterRecord(m_model, record));
    if (!m_meters.emplace(record.id, record).second)
        return makeError("energy.meter_exists", "A meter with this id is already registered.");
    return Status::success();
}

Status ReadingIngest::suspendMeter(const Hash256 &id)
{
    const auto it = m_meters.find(id);
    if (it == m_meters.end())
        return makeError("energy.unknown_meter", "No meter with this id is registered.");
    it->second.status = MeterStatus::Suspended;
    return Status::success();
}

Status ReadingIngest::rekeyMeter(const Hash256 &id, const PublicKey &key)
{
    const auto it = m_meters.find(id);
    if (it == m_meters.end())
        return makeError("energy.unknown_meter", "No meter with this id is registered.");
    if (it->second.status == MeterStatus::Retired)
        return makeError("energy.meter_retired", "A retired meter cannot be re-keyed.");
    if (key.isZero() || key == it->second.key)
        return makeError("energy.bad_registration",
                         "The meter cannot be re-keyed: the new key is empty or the meter's current key.");
    it->second.key = key;
    it->second.status = MeterStatus::Active;
    const auto known = m_progress.find(id);
    if (known != m_progress.end())
        known->second = *progressAfterRekey(known->second);
    m_lastReading.erase(id);
    return Status::success();
}

const MeterRecord *ReadingIngest::meter(const Hash256 &id) const
{
    const auto it = m_meters.find(id);
    return it == m_meters.end() ? nullptr : &it->second;
}

const MeterProgress *ReadingIngest::progress(const Hash256 &id) const
{
    const auto it = m_progress.find(id);
    return it == m_progress.end() ? nullptr : &it->second;
}

BatchOutcome ReadingIngest::ingest(const ReadingBatch &batch, std::int64_t nowMs, unsigned threads)
{
    BatchOutcome out;
    const std::size_t n = batch.readings.size();
    out.batch = checkBatch(m_networkId, m_model, m_operators, batch);
    if (!out.batch) {
        out.readings.assign(n, out.batch);
        return out;
    }

    // Phase 1, parallel: registry lookups and signatures.
    std::vector<const MeterRecord *> records(n, nullptr);
    std::vector<char> signatureValid(n, 0);
    auto verifyRange = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            const MeterReading &r = batch.readings[i];
            records[i] = meter(r.meterId);
            if (records[i])
                signatureValid[i] = checkReadingSignature(m_networkId, *records[i], r).ok() ? 1 : 0;
        }
    };
    // A thread pays for itself from about 16 signatures.
    parallelFor(n, std::min<std::size_t>(threads, n / 16), verifyRange);

    // Phase 2, in order: every other rule against the progress so far.
    const BatchReadingContext context{m_rules, m_model, m_networkId, batch.zone, nowMs, nullptr};
    out.readings.assign(n, Status::success());
    for (std::size_t i = 0; i < n; ++i) {
        const MeterReading &r = batch.readings[i];
        const auto it = m_progress.find(r.meterId);
        std::optional<MeterProgress> previous;
        if (it != m_progress.end())
            previous = it->second;
        auto next = checkBatchReading(context, records[i], previous, r, signatureValid[i] != 0);
        if (!next) {
            if (next.error().code == "energy.duplicate_interval") {
                const auto last = m_lastReading.find(r.meterId);
                if (last != m_lastReading.end())
                    out.evidence.push_back({last->second, r});
            }
            out.readings[i] = next.error();
            continue;
        }
        m_progress[r.meterId] = *next;
        m_lastReading[r.meterId] = r;
        ++out.accepted;
    }
    return out;
}

} // namespace gtx::energy
