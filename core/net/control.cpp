#include "core/net/control.h"

#include <zmq.hpp>

#include <sys/stat.h>

#include <system_error>

namespace gtx::net {

std::string controlEndpoint(const std::filesystem::path &dataDir)
{
    return "ipc://" + (dataDir / "control.sock").string();
}

struct ControlServer::State
{
    std::filesystem::path file;
    zmq::context_t context;
    zmq::socket_t socket;
    Handler handler;
    std::atomic<bool> stop{false};
    std::thread thread;
};

ControlServer::ControlServer(std::unique_ptr<State> state) : m_state(std::move(state)) {}

ControlServer::~ControlServer()
{
    m_state->stop = true;
    if (m_state->thread.joinable())
        m_state->thread.join();
    m_state->socket.close();
    // Gone with the node: `gtx-node status` then says no node is running.
    std::error_code ec;
    std::filesystem::remove(m_state->file, ec);
}

Result<std::unique_ptr<ControlServer>> ControlServer::start(const std::filesystem::path &dataDir, Handler handler)
{
    auto state = std::make_unique<State>();
    state->handler = std::move(handler);
    const std::filesystem::path file = dataDir / "control.sock";
    state->file = file;
    std::error_code ec;
    std::filesystem::remove(file, ec);   // left by a node that was killed
    try {
        state->socket = zmq::socket_t(state->context, zmq::socket_type::rep);
        state->socket.set(zmq::sockopt::linger, 0);
        state->socket.set(zmq::sockopt::maxmsgsize, std::int64_t{256 * 1024});
        // The socket file is created by bind(): under umask 077 nobody
        // else can connect, from the first moment.
        const mode_t old = ::umask(077);
        try {
            state->socket.bind(controlEndpoint(dataDir));
        } catch (...) {
            ::umask(old);
            throw;
        }
        ::umask(old);
    } catch (const zmq::error_t &e) {
        return makeError("net.control", "Cannot open the control endpoint " + file.string() + ": " + e.what());
    }
    State *s = state.get();
    state->thread = std::thread([s] {
        while (!s->stop) {
            zmq::pollitem_t item{s->socket.handle(), 0, ZMQ_POLLIN, 0};
            try {
                zmq::poll(&item, 1, std::chrono::milliseconds(200));
                if (!(item.revents & ZMQ_POLLIN))
                    continue;
                zmq::message_t request;
                if (!s->socket.recv(request, zmq::recv_flags::dontwait))
                    continue;
                const std::string reply = s->handler(request.to_string());
                s->socket.send(zmq::buffer(reply), zmq::send_flags::none);
            } catch (const zmq::error_t &) {
                continue;
            }
        }
    });
    return std::unique_ptr<ControlServer>(new ControlServer(std::move(state)));
}

struct ControlClient::State
{
    zmq::context_t context;
    zmq::socket_t socket;
};

ControlClient::ControlClient(std::filesystem::path dataDir) : m_dataDir(std::move(dataDir)) {}

ControlClient::~ControlClient() = default;

Result<std::string> ControlClient::request(const std::string &request, int timeoutMs)
{
    std::error_code ec;
    if (!std::filesystem::exists(m_dataDir / "control.sock", ec))
        return makeError("net.no_node", "No node is running with data directory " + m_dataDir.string() + ".");
    const auto noAnswer = [&] {
        m_state.reset();   // a REQ socket that missed its reply cannot ask again
        return makeError("net.no_node", "The node in " + m_dataDir.string() + " does not answer.");
    };
    try {
        if (!m_state) {
            auto state = std::make_unique<State>();
            state->socket = zmq::socket_t(state->context, zmq::socket_type::req);
            state->socket.set(zmq::sockopt::linger, 0);
            state->socket.connect(controlEndpoint(m_dataDir));
            m_state = std::move(state);
        }
        m_state->socket.set(zmq::sockopt::rcvtimeo, timeoutMs);
        m_state->socket.set(zmq::sockopt::sndtimeo, timeoutMs);
        if (!m_state->socket.send(zmq::buffer(request), zmq::send_flags::none))
            return noAnswer();
        zmq::message_t reply;
        if (!m_state->socket.recv(reply))
            return noAnswer();
        return reply.to_string();
    } catch (const zmq::error_t &e) {
        m_state.reset();
        return makeError("net.no_node", std::string("Cannot reach the node: ") + e.what());
    }
}

Result<std::string> controlRequest(const std::filesystem::path &dataDir, const std::string &request,
                                   int timeoutMs)
{
    ControlClient client(dataDir);
    return client.request(request, timeoutMs);
}

} // namespace gtx::net
