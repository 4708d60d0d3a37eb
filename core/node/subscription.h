#pragma once

// One subscription to a node event: the callback sits in a map shared with
// the event's source, and destroying (or disconnecting) the subscription
// takes it out. Weak references, so a subscription that outlives its
// source does nothing.

#include "core/node/interface.h"

#include <map>
#include <memory>
#include <mutex>

namespace gtx::node {

template <class Fn>
class Subscription final : public interfaces::Handler
{
public:
    Subscription(std::weak_ptr<std::mutex> mutex, std::weak_ptr<std::map<int, Fn>> handlers, int id)
        : m_mutex(std::move(mutex)), m_handlers(std::move(handlers)), m_id(id)
    {
    }
    ~Subscription() override { disconnect(); }

    void disconnect() override
    {
        auto mutex = m_mutex.lock();
        auto handlers = m_handlers.lock();
        if (!mutex || !handlers)
            return;
        std::lock_guard lock(*mutex);
        handlers->erase(m_id);
    }

private:
    std::weak_ptr<std::mutex> m_mutex;
    std::weak_ptr<std::map<int, Fn>> m_handlers;
    int m_id;
};

} // namespace gtx::node
