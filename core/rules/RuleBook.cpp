#include "RuleBook.h"

#include "rules/RuleBookParser.h"

#include <QFile>

#include <algorithm>
#include <stdexcept>

namespace dermaplan {

const Zone* Area::zone(const QString& zoneId) const {
    for (const Zone& z : zones)
        if (z.id == zoneId)
            return &z;
    return nullptr;
}

QString homeUseId(HomeUse h) {
    switch (h) {
    case HomeUse::Yes:
        return QStringLiteral("yes");
    case HomeUse::Caution:
        return QStringLiteral("caution");
    case HomeUse::AdviseProfessional:
        return QStringLiteral("advise-professional");
    case HomeUse::ProfessionalOnly:
        return QStringLiteral("professional-only");
    }
    return {};
}

QString severityId(Severity s) {
    switch (s) {
    case Severity::Ok:
        return QStringLiteral("ok");
    case Severity::Advise:
        return QStringLiteral("advise");
    case Severity::Refuse:
        return QStringLiteral("refuse");
    }
    return {};
}

int AftercareRule::hoursFor(NeedleLength standardSize) const {
    for (const NeedleStep& step : steps)
        if (standardSize <= step.upTo)
            return step.hours;
    return steps.isEmpty() ? 0 : steps.constLast().hours;
}

QString reactionEffectId(ReactionEffect effect) {
    switch (effect) {
    case ReactionEffect::None:
        return QStringLiteral("none");
    case ReactionEffect::RestartIfLasting:
        return QStringLiteral("restart-if-lasting");
    case ReactionEffect::Hold:
        return QStringLiteral("hold");
    case ReactionEffect::EndsLasting:
        return QStringLiteral("ends-lasting");
    case ReactionEffect::Ends:
        break;
    }
    return QStringLiteral("ends");
}

const ReactionState* FollowUpRules::state(const QString& id) const {
    for (const ReactionState& s : states)
        if (s.id == id)
            return &s;
    return nullptr;
}

Result<RuleBook> RuleBook::fromJson(const QByteArray& json, const QString& fileName) {
    return parseRuleBook(json, fileName);
}

Result<RuleBook> RuleBook::load(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::inFile(path,
                             QStringLiteral("cannot read the rules: %1").arg(file.errorString()));
    return fromJson(file.readAll(), path);
}

Result<RuleBook> RuleBook::loadBuiltin() {
    return load(QString::fromLatin1(builtinPath));
}

Result<NeedleLength> RuleBook::needle(NeedleLength length, const QString& field) const {
    if (length < m_minNeedle || length > m_maxNeedle)
        return Error::inField(
            field, QStringLiteral("%1 is outside the range %2 to %3")
                       .arg(length.toString(), m_minNeedle.numberText(), m_maxNeedle.toString()));
    return length;
}

NeedleLength RuleBook::standardSize(NeedleLength length) const {
    for (const NeedleLength& size : m_standardSizes)
        if (length <= size)
            return size;
    return m_standardSizes.constLast();
}

const Area* RuleBook::area(const QString& id) const {
    for (const Area& a : m_areas)
        if (a.id == id)
            return &a;
    return nullptr;
}

QString RuleBook::areaName(const QString& id) const {
    const Area* a = area(id);
    return a ? a->name : id;
}

QString RuleBook::areaInText(const QString& id) const {
    const Area* a = area(id);
    return a ? a->name.toLower() : id;
}

Status RuleBook::validatePlace(const QString& areaId, const QStringList& zones) const {
    const Area* a = area(areaId);
    if (!a) {
        QStringList ids;
        for (const Area& known : m_areas)
            ids << known.id;
        return Error::inField(
            QStringLiteral("area"),
            QStringLiteral("'%1' is not an area (use one of: %2)").arg(areaId, ids.join(u", ")));
    }
    for (const QString& z : zones)
        if (!a->zone(z)) {
            QStringList ids;
            for (const Zone& known : a->zones)
                ids << known.id;
            return Error::inField(
                QStringLiteral("zone"),
                ids.isEmpty() ? QStringLiteral("'%1': the %2 has no zones").arg(z, a->id)
                              : QStringLiteral("'%1' is not a zone of the %2 (use one of: %3)")
                                    .arg(z, a->id, ids.join(u", ")));
        }
    return success();
}

const IntervalRule& RuleBook::interval(const QString& areaId, NeedleLength length) const {
    const NeedleLength size = standardSize(length);
    for (const IntervalRule& rule : m_intervals)
        if (rule.needle == size && rule.area == areaId) // the cheap comparison first
            return rule;
    // Loading guarantees one rule per (area, standard size); an unknown area is a bug in the
    // caller.
    throw std::logic_error("RuleBook::interval: no rule for area " + areaId.toStdString());
}

const ZoneCap* RuleBook::zoneCap(const QString& areaId, const QString& zone) const {
    for (const ZoneCap& cap : m_zoneCaps)
        if (cap.area == areaId && cap.zone == zone)
            return &cap;
    return nullptr;
}

const Contraindication* RuleBook::contraindication(const QString& id) const {
    for (const Contraindication& c : m_contra)
        if (c.id == id)
            return &c;
    return nullptr;
}

const RegimenTemplate* RuleBook::regimenTemplate(const QString& id) const {
    for (const RegimenTemplate& t : m_templates)
        if (t.id == id)
            return &t;
    return nullptr;
}

QString RuleBook::sourceNames(const QStringList& ids) const {
    QStringList names;
    for (const QString& id : ids)
        if (const Source* s = source(id))
            names << s->name;
    return names.join(QStringLiteral("; "));
}

namespace {

// Words as a phrase match them: lower case, every run of other characters one space, padded
// ("Retin-A  Micro" -> " retin a micro ").
QString phraseForm(const QString& text) {
    QString out = QStringLiteral(" ");
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber())
            out += c;
        else if (!out.endsWith(u' '))
            out += u' ';
    }
    if (!out.endsWith(u' '))
        out += u' ';
    return out;
}

} // namespace

const ActiveKind* RuleBook::activeNamed(const QString& productName) const {
    const QString name = phraseForm(productName);
    for (const ActiveKind& a : m_actives)
        for (const QString& word : a.words)
            if (name.contains(phraseForm(word)))
                return &a;
    return nullptr;
}

const Source* RuleBook::source(const QString& id) const {
    for (const Source& s : m_sources)
        if (s.id == id)
            return &s;
    return nullptr;
}

} // namespace dermaplan
