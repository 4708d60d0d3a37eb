#pragma once

#include <QAbstractTableModel>

#include <cstddef>
#include <vector>

namespace gtx::ui {

// A table whose rows are known by their `key`: the same keys in the same
// order update rows in place (only those `differs` says changed); any other
// list replaces the rows. Qt's row signals are emitted either way.
class KeyedTableModel : public QAbstractTableModel
{
public:
    explicit KeyedTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

protected:
    template <class Row, class Differs>
    void replaceKeyedRows(std::vector<Row> &mine, const std::vector<Row> &rows, Differs differs)
    {
        bool sameKeys = rows.size() == mine.size();
        for (std::size_t i = 0; sameKeys && i < rows.size(); ++i)
            sameKeys = rows[i].key == mine[i].key;
        if (!sameKeys) {
            if (!mine.empty()) {
                beginRemoveRows({}, 0, int(mine.size()) - 1);
                mine.clear();
                endRemoveRows();
            }
            if (!rows.empty()) {
                beginInsertRows({}, 0, int(rows.size()) - 1);
                mine = rows;
                endInsertRows();
            }
            return;
        }
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (differs(mine[i], rows[i])) {
                mine[i] = rows[i];
                emit dataChanged(index(int(i), 0), index(int(i), columnCount() - 1));
            }
        }
    }
};

} // namespace gtx::ui
