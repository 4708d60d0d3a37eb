#pragma once

// Runs a node call off the GUI thread and hands its result back on the GUI
// thread. Every gtx::interfaces::Node call may block (key derivation, disk),
// so the console never makes one on the GUI thread.

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace gtx::ui {

// `work` runs on Qt's global thread pool; `done(result)` (or `done()` when
// `work` returns nothing) then runs on
// `context`'s thread, unless `context` has been destroyed by then. Whatever
// `work` touches (the node) must outlive the pool: the application waits for
// the pool before it destroys the node.
template<typename Work, typename Done>
void runNodeTask(QObject *context, Work &&work, Done &&done)
{
    using Result = std::invoke_result_t<std::decay_t<Work>>;
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, context,
                     [watcher, done = std::forward<Done>(done)]() mutable {
                         if constexpr (std::is_void_v<Result>)
                             done();
                         else
                             done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(std::forward<Work>(work)));
}

} // namespace gtx::ui
