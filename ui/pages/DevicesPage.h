#pragma once

#include "domain/Device.h"
#include "domain/Product.h"
#include "widgets/EditableList.h"
#include "widgets/RecordTableView.h"

#include <QWidget>

#include <optional>

class QListWidget;
class QPushButton;

namespace dermaplan::ui {

class DeviceTableModel;

class AppContext;

// Rollers with their uses, age, last cleaning and replace-by date; "Cleaned now" in one click;
// retiring asks first and can be undone, and a retired device can be returned to use; the
// cleaning steps from the rule data; the user's products (chosen when logging), each saying
// whether it is meant for freshly needled skin.
class DevicesPage final : public QWidget {
    Q_OBJECT
public:
    explicit DevicesPage(AppContext& context, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] DeviceTableModel* model() const { return m_model; }
    [[nodiscard]] QListWidget* productList() const { return m_products->list(); }
    [[nodiscard]] const QList<Product>& products() const { return m_shownProducts; }

public slots:
    void addDevice();
    void cleanedNow();
    void retireSelected();
    void addProduct();
    void removeSelectedProduct();

private:
    // "Retire…" for a device in use, "Return to use" for a retired one.
    void updateRetireButton();
    // The selected device as stored; nothing (and the error reported) when it cannot be read.
    [[nodiscard]] std::optional<Device> selectedDevice() const;

    AppContext& m_context;
    RecordTableView* m_table = nullptr;
    DeviceTableModel* m_model = nullptr;
    QPushButton* m_retire = nullptr;
    EditableList* m_products = nullptr;
    QList<Product> m_shownProducts;
};

} // namespace dermaplan::ui
