// http_throughput: requests/s and latency percentiles of vigil_http for a small POST handler, at
// 1 and 32 concurrent keep-alive connections on loopback. The server runs on its own thread; the
// load comes from a single-threaded poll() client with one request in flight per connection.
// Prints "BENCH <name>=<value>" lines.

#include "support/serverthread.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace vigil;

namespace {

class SmallPostHandler final : public http::RequestHandler
{
public:
    void handleRequest(const http::Request &request, http::Responder responder) override
    {
        responder.send(http::Response::text(202, "{\"received\":" + QByteArray::number(request.body.size()) + '}',
                                            "application/json"));
    }
};

struct Client
{
    int fd = -1;
    QByteArray in;
    qint64 sentAtNs = 0;
};

const QByteArray kBody = R"({"value":[{"subscriptionId":"4e2e0f64-5d6e-4a6a-9b0e-1e1f3f0f7b2a","changeType":"updated","clientState":"secret","resource":"security/alerts/abc","resourceData":{"id":"abc"}}]})";

QByteArray request()
{
    return "POST /listen HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
         + QByteArray::number(kBody.size()) + "\r\n\r\n" + kBody;
}

int connectTo(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        std::perror("connect");
        std::exit(1);
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

// Returns true once `in` holds one complete response, which is then removed from it.
bool takeResponse(QByteArray &in)
{
    const qsizetype end = in.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const qsizetype lengthAt = in.indexOf("Content-Length: ");
    const qsizetype length = lengthAt >= 0 && lengthAt < end ? in.mid(lengthAt + 16, in.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong() : 0;
    if (in.size() < end + 4 + length)
        return false;
    in.remove(0, end + 4 + length);
    return true;
}

struct Result
{
    double requestsPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
};

Result run(quint16 port, int connections, int seconds)
{
    const QByteArray req = request();
    std::vector<Client> clients(static_cast<size_t>(connections));
    std::vector<pollfd> fds(static_cast<size_t>(connections));
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < connections; ++i) {
        clients[size_t(i)].fd = connectTo(port);
        fds[size_t(i)] = {clients[size_t(i)].fd, POLLIN, 0};
    }
    std::vector<double> latencies;
    latencies.reserve(2'000'000);
    const auto send = [&](Client &c) {
        c.sentAtNs = clock.nsecsElapsed();
        if (::write(c.fd, req.constData(), size_t(req.size())) != req.size()) {
            std::perror("write");
            std::exit(1);
        }
    };
    for (Client &c : clients)
        send(c);
    const qint64 warmupEnd = 500'000'000;  // 0.5 s
    const qint64 end = warmupEnd + qint64(seconds) * 1'000'000'000;
    qint64 completed = 0;
    char buffer[65536];
    while (clock.nsecsElapsed() < end) {
        if (::poll(fds.data(), fds.size(), 1000) <= 0)
            continue;
        for (size_t i = 0; i < fds.size(); ++i) {
            if (!(fds[i].revents & POLLIN))
                continue;
            Client &c = clients[i];
            const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
            if (n <= 0) {
                std::fprintf(stderr, "connection %zu closed by the server\n", i);
                std::exit(1);
            }
            c.in.append(buffer, n);
            while (takeResponse(c.in)) {
                const qint64 now = clock.nsecsElapsed();
                if (now > warmupEnd) {
                    latencies.push_back(double(now - c.sentAtNs) / 1e6);
                    ++completed;
                }
                send(c);
            }
        }
    }
    for (Client &c : clients)
        ::close(c.fd);
    std::sort(latencies.begin(), latencies.end());
    const auto pct = [&](double p) { return latencies.empty() ? 0.0 : latencies[size_t(p * double(latencies.size() - 1))]; };
    return {double(completed) / seconds, pct(0.50), pct(0.99)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = qEnvironmentVariableIntValue("BENCH_SECONDS") > 0 ? qEnvironmentVariableIntValue("BENCH_SECONDS") : 5;
    http::ServerLimits limits;
    limits.maxRequestsPerConnection = 100'000'000;
    test::ServerThread server([] { return std::make_unique<SmallPostHandler>(); }, limits);
    if (!server.isListening()) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    for (const int connections : {1, 32}) {
        const Result r = run(server.port(), connections, seconds);
        std::printf("BENCH http_requests_per_s_c%d=%.0f\n", connections, r.requestsPerSecond);
        std::printf("BENCH http_p50_ms_c%d=%.3f\n", connections, r.p50Ms);
        std::printf("BENCH http_p99_ms_c%d=%.3f\n", connections, r.p99Ms);
        std::fflush(stdout);
    }
    return 0;
}
