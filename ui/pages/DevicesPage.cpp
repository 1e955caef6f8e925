#include "DevicesPage.h"

#include "AppContext.h"
#include "commands/Edits.h"
#include "logbook/Logbook.h"
#include "models/DeviceTableModel.h"
#include "widgets/EditableList.h"
#include "widgets/Messages.h"
#include "widgets/NeedleComboBox.h"
#include "widgets/ProductPicker.h"
#include "widgets/RecordTableView.h"
#include "widgets/SelectedRow.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace dermaplan::ui {

DevicesPage::DevicesPage(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context) {
    m_model = new DeviceTableModel(this);
    m_table = new RecordTableView(m_model, tr("Devices"), this);

    auto* add = new QPushButton(tr("&Add device…"), this);
    auto* clean = new QPushButton(tr("&Cleaned now"), this);
    clean->setAccessibleName(tr("Cleaned now"));
    m_retire = new QPushButton(tr("&Retire…"), this);
    connect(add, &QPushButton::clicked, this, &DevicesPage::addDevice);
    connect(clean, &QPushButton::clicked, this, &DevicesPage::cleanedNow);
    connect(m_retire, &QPushButton::clicked, this, &DevicesPage::retireSelected);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(clean);
    buttons->addWidget(m_retire);
    buttons->addStretch();

    QString steps =
        QStringLiteral("<b>%1</b><ol>")
            .arg(tr("Cleaning your roller, before and after every use").toHtmlEscaped());
    for (const QString& step : context.rules().cleaningSteps())
        steps += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    steps += QStringLiteral("</ol>");
    auto* cleaning = new QLabel(steps, this);
    cleaning->setWordWrap(true);
    cleaning->setAccessibleName(tr("Cleaning steps"));

    m_products = new EditableList(tr("Products"), tr("Add &product…"), tr("Re&move product"), this);
    connect(m_products, &EditableList::addRequested, this, &DevicesPage::addProduct);
    connect(m_products, &EditableList::removeRequested, this, &DevicesPage::removeSelectedProduct);
    auto* products = new QGroupBox(tr("Your products"), this);
    auto* productsLayout = new QVBoxLayout(products);
    productsLayout->addWidget(m_products);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 2); // devices first; the products list is usually short
    layout->addLayout(buttons);
    layout->addWidget(products, 1);
    layout->addWidget(cleaning);
    connect(&m_context, &AppContext::dataChanged, this, &DevicesPage::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DevicesPage::updateRetireButton);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DevicesPage::updateRetireButton);
    refresh();
}

void DevicesPage::refresh() {
    auto devices = m_context.logbook().deviceStatuses(true);
    if (!devices) {
        m_model->setStatuses({}, m_context.today());
        m_context.reportError(devices.error());
        return;
    }
    m_model->setStatuses(std::move(devices).value(), m_context.today());
    m_table->resizeColumnsToContents();

    auto products = m_context.logbook().products();
    if (!products)
        m_context.reportError(products.error());
    m_shownProducts = products ? std::move(products).value() : QList<Product>();
    QStringList lines;
    for (const Product& p : std::as_const(m_shownProducts))
        lines << tr("%1 · %2 · %3")
                     .arg(p.name, productKindLabel(p.kind), brokenSkinLabel(p.brokenSkin));
    m_products->setLines(lines, tr("No products yet. Add the serums and creams you use: the log "
                                   "dialog offers them, and warns about one not meant for freshly "
                                   "needled skin."));
}

void DevicesPage::addProduct() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add a product"));
    auto* name = new QLineEdit(&dialog);
    name->setAccessibleName(tr("Name"));
    auto* kind = new QComboBox(&dialog);
    for (const QString& k : productKinds())
        kind->addItem(productKindLabel(k), k);
    kind->setCurrentIndex(kind->findData(QStringLiteral("other")));
    auto* broken = new QComboBox(&dialog);
    broken->addItem(tr("I don't know"), int(Product::BrokenSkin::Unknown));
    broken->addItem(tr("Yes, the label says so"), int(Product::BrokenSkin::Yes));
    broken->addItem(tr("No"), int(Product::BrokenSkin::No));
    broken->setAccessibleName(tr("Meant for freshly needled skin"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Kind:"), kind);
    form->addRow(tr("&Meant for freshly needled skin:"), broken);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    const auto validate = [&] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!name->text().trimmed().isEmpty());
    };
    connect(name, &QLineEdit::textChanged, &dialog, validate);
    validate();
    if (dialog.exec() != QDialog::Accepted)
        return;
    Edits(m_context).addProduct(Product{0, name->text().trimmed(), kind->currentData().toString(),
                                        Product::BrokenSkin(broken->currentData().toInt())});
}

void DevicesPage::removeSelectedProduct() {
    const int row = m_products->currentRow();
    if (row < 0)
        return;
    Edits(m_context).removeProduct(m_shownProducts[row]); // undoable: no question asked
}

void DevicesPage::addDevice() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Add a device"));
    auto* name = new QLineEdit(&dialog);
    name->setAccessibleName(tr("Name"));
    auto* kind = new QComboBox(&dialog);
    for (const QString& id : deviceKinds())
        kind->addItem(deviceKindLabel(id), id);
    auto* needle =
        new NeedleComboBox(m_context.rules(), NeedleComboBox::Mode::ChooseOrType, &dialog);
    auto* count = new QSpinBox(&dialog);
    count->setRange(0, 100000);
    count->setSpecialValueText(tr("unknown"));
    auto* firstUse = new QDateEdit(m_context.today(), &dialog);
    firstUse->setCalendarPopup(true);
    firstUse->setMaximumDate(m_context.today());
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("&Name:"), name);
    form->addRow(tr("&Kind:"), kind);
    form->addRow(tr("N&eedle:"), needle);
    form->addRow(tr("Needle &count:"), count);
    form->addRow(tr("&First use:"), firstUse);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto validate = [&] {
        const auto n = needle->needle();
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!name->text().trimmed().isEmpty() && n && m_context.rules().needle(*n));
    };
    connect(name, &QLineEdit::textChanged, &dialog, validate);
    connect(needle, &NeedleComboBox::needleChanged, &dialog, validate);
    validate();
    if (dialog.exec() != QDialog::Accepted)
        return;
    Device d;
    d.name = name->text().trimmed();
    d.kind = kind->currentData().toString();
    d.needle = *needle->needle();
    d.needleCount = count->value();
    d.firstUse = firstUse->date();
    Edits(m_context).addDevice(d);
}

std::optional<Device> DevicesPage::selectedDevice() const {
    const qint64 id = m_table->selectedId();
    return id ? m_context.reported(m_context.logbook().device(id)) : std::nullopt;
}

void DevicesPage::cleanedNow() {
    if (const auto device = selectedDevice())
        Edits(m_context).recordCleaning(*device,
                                        QDateTime(m_context.today(), QTime::currentTime()));
}

void DevicesPage::retireSelected() {
    const auto device = selectedDevice();
    if (!device)
        return;
    if (device->retiredOn) {
        Edits(m_context).returnDeviceToUse(*device);
        return;
    }
    if (!confirm(this, tr("Retire device"),
                 tr("Retire “%1”? It will no longer be offered when you log a session; its "
                    "history stays.")
                     .arg(device->name),
                 tr("Retire")))
        return;
    if (Edits(m_context).retireDevice(*device))
        m_context.announce(
            tr("Retired “%1” — %2 to undo")
                .arg(device->name,
                     QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
}

void DevicesPage::updateRetireButton() {
    const int row = selectedRow(m_table);
    const bool retired = row >= 0 && m_model->isRetired(row);
    m_retire->setText(retired ? tr("Return to &use") : tr("&Retire…"));
    m_retire->setEnabled(row >= 0);
}

} // namespace dermaplan::ui
