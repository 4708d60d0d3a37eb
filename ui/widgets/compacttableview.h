#pragma once

// The console's read-only tables: whole rows selected one at a time, no
// editing, no row numbers, columns sized to their contents (the last takes
// the rest), and compact fixed-height rows so a page's rows stay in view on
// a 720-line screen.

class QTableView;
class QWidget;

namespace gtx::ui {

QTableView *makeCompactTableView(QWidget *parent, const char *objectName);

} // namespace gtx::ui
