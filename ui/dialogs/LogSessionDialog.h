#pragma once

#include "domain/Device.h"
#include "domain/Session.h"
#include "rules/SafetyCheck.h"

#include <QDate>
#include <QDialog>

class QBoxLayout;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QScrollArea;
class QLineEdit;
class QListWidget;

namespace dermaplan::ui {

class ProductPicker;
class NeedleComboBox;
class ZoneChecklist;
} // namespace dermaplan::ui
class QPlainTextEdit;
class QSpinBox;
class QTimeEdit;

namespace dermaplan::ui {

class AppContext;

// Log a session: every field of a Session, the contraindication checklist, and the safety
// verdict, updated live as fields change. A refusal disables Save until an override reason is
// typed. The logbook checks and saves; the dialog decides nothing itself.
class LogSessionDialog final : public QDialog {
    Q_OBJECT
public:
    explicit LogSessionDialog(AppContext& context, QWidget* parent = nullptr);
    // Edits `existing`: Save stores nothing, the caller takes edited() (to make it undoable).
    LogSessionDialog(AppContext& context, QWidget* parent, const Session& existing);

    // The edited session (edit mode, after Save).
    [[nodiscard]] const Session& edited() const { return m_edited; }

    // The session as the fields describe it (not validated).
    [[nodiscard]] Session draft() const;
    // The verdict for the current fields; an Error for invalid input.
    [[nodiscard]] const Result<Verdict>& verdict() const { return m_verdict; }
    // Id of the stored session after a successful save.
    [[nodiscard]] qint64 savedId() const { return m_savedId; }

    void setArea(const QString& areaId);

    // Fits the dialog on a screen of `available` size (its own screen's when it opens): on a
    // small one the fields scroll, and the safety check sits under them, out of the scrolling, so
    // that the verdict stays in sight with Save and Cancel.
    void fitTo(QSize available);

public slots:
    void accept() override;

private:
    void buildForm();
    void fillZones();
    void fillDevices();
    // Zones, needle and device as Logbook::proposedSession() proposes them for the area shown.
    void applyProposal(const Session& proposal);
    void updateVerdict();
    [[nodiscard]] const Device* selectedDevice() const;

    AppContext& m_context;
    QDateEdit* m_date = nullptr;
    QCheckBox* m_timeKnown = nullptr;
    QTimeEdit* m_time = nullptr;
    QComboBox* m_area = nullptr;
    QLabel* m_areaTips = nullptr;
    ZoneChecklist* m_zones = nullptr;
    NeedleComboBox* m_needle = nullptr;
    QComboBox* m_device = nullptr;
    QComboBox* m_performer = nullptr;
    QListWidget* m_checklist = nullptr;
    QSpinBox* m_pain = nullptr;
    QLineEdit* m_reaction = nullptr;
    ProductPicker* m_products = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QLabel* m_dateProblem = nullptr;
    QLabel* m_verdictLabel = nullptr;
    QLineEdit* m_override = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QBoxLayout* m_columns = nullptr;
    QWidget* m_content = nullptr;
    QWidget* m_verdictBox = nullptr;
    QScrollArea* m_verdictScroll = nullptr; // the safety check, apart from the fields' scrolling
    QList<Device> m_devices;
    Result<Verdict> m_verdict = Verdict{};
    qint64 m_savedId = 0;
    std::optional<Session> m_existing;
    Session m_edited;
    QDate m_today; // the day the date field was last moved to
};

} // namespace dermaplan::ui
