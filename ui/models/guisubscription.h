#pragma once

// One subscription to an area of the node (interfaces::ConsensusView,
// interfaces::GridView, ...) whose reports, sent on a node thread, are
// applied on the GUI thread by the target's apply(snapshot). The target
// owns it as a member: when the target goes, the subscription is cut first
// and a report already on its way finds nothing to post to.

#include "core/node/interface.h"

#include <QMetaObject>
#include <QPointer>

#include <memory>
#include <mutex>

namespace gtx::ui {

template <class Target>
class GuiSubscription
{
public:
    template <class View>
    GuiSubscription(View &view, Target *target) : m_guard(std::make_shared<Guard>())
    {
        m_guard->target = target;
        std::weak_ptr<Guard> guard = m_guard;
        m_handler = view.handleChanged([guard](const auto &snapshot) {
            auto g = guard.lock();
            if (!g)
                return;
            std::lock_guard lock(g->mutex);
            if (!g->target)
                return;
            // Queued to the GUI thread; dropped by Qt if the target is deleted first.
            QMetaObject::invokeMethod(
                g->target, [target = QPointer<Target>(g->target), snapshot] {
                    if (target)
                        target->apply(snapshot);
                },
                Qt::QueuedConnection);
        });
    }

    ~GuiSubscription()
    {
        {
            std::lock_guard lock(m_guard->mutex);
            m_guard->target = nullptr;
        }
        m_handler.reset();
    }

    GuiSubscription(const GuiSubscription &) = delete;
    GuiSubscription &operator=(const GuiSubscription &) = delete;

private:
    struct Guard
    {
        std::mutex mutex;
        Target *target = nullptr;
    };
    std::shared_ptr<Guard> m_guard;
    std::unique_ptr<interfaces::Handler> m_handler;
};

} // namespace gtx::ui
