import Foundation
import HubEngine
import LabCore
import Testing

/// Microseconds from `start` to `date`, so instants compare exactly.
private func offset(_ date: Date, from start: Date) -> Int64 {
    Int64((date.timeIntervalSince(start) * 1_000_000).rounded())
}

@Suite struct ThrottleShapingTests {
    private func throttle(_ sku: String = "S1", units: Int = 1, shaping: TrafficShaping = .azure) throws -> HubThrottle {
        HubThrottle(policy: ThrottlePolicy(capacity: try HubCapacity(skuName: sku, units: units), shaping: shaping))
    }

    /// Azure's worked example: a simulated device sends 200 D2C messages a second into an S1 hub
    /// whose limit is 100/sec. The burst goes straight through, then messages queue and leave at
    /// 100/sec with growing latency, then the full queue refuses with 429.
    @Test func twoHundredPerSecondIntoS1IsAdmittedThenDelayedThenRefused() throws {
        let start = ManualClock().now()
        var hub = try throttle()
        var admitted = 0
        var delays: [(sent: Int, until: Int64)] = []
        var firstRejection: (index: Int, error: QuotaError)?
        for index in 0..<24_000 {
            let now = start.addingTimeInterval(Double(index) / 200)
            switch hub.request(.deviceToCloudSend, at: now) {
            case .admit:
                #expect(delays.isEmpty, "message \(index) admitted after queueing began")
                admitted += 1
            case .delay(let until):
                delays.append((index, offset(until, from: start)))
            case .reject(let error):
                firstRejection = (index, error)
                #expect(hub.queued(.deviceToCloudSend, at: now) == 6_000)
            }
            if firstRejection != nil { break }
        }
        // One minute of burst: 6,000 tokens plus 100/sec of refill while 200/sec arrive.
        #expect(admitted == 11_999)
        // Queued messages leave at exactly the limit rate, one every 10 ms, starting at 60 s.
        #expect(delays.first?.sent == 11_999)
        #expect(delays.first?.until == 60_000_000)
        #expect(delays.last?.sent == 23_998)
        #expect(delays.last?.until == 179_990_000)
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $1.until - $0.until == 10_000 })
        // Latency grows from 5 ms to the full minute of backlog.
        let latencies = delays.map { $0.until - Int64($0.sent) * 5_000 }
        #expect(latencies.first == 5_000)
        #expect(latencies.last == 60_000_000)
        #expect(firstRejection?.index == 23_999)
        #expect(
            firstRejection?.error
                == .throttleBacklogLimitExceeded(
                    operation: .deviceToCloudSend, limit: ThrottleLimit(count: 100, per: .second), backlog: 6_000,
                    retryAfterSeconds: 1))
    }

    @Test func fullBacklogReadsAs429WithTheThrottleAndTheWait() {
        let error = QuotaError.throttleBacklogLimitExceeded(
            operation: .deviceToCloudSend, limit: ThrottleLimit(count: 100, per: .second), backlog: 6_000, retryAfterSeconds: 1)
        #expect(error.httpStatus == 429)
        #expect(
            error.description
                == "429002 ThrottleBacklogLimitExceeded: The request has been throttled: Device-to-cloud sends are limited to 100/sec and the backlog of 6000 waiting requests is full. Wait 1 seconds and try again"
        )
    }

    @Test func trafficAtTheLimitIsNeverDelayed() throws {
        let start = ManualClock().now()
        var hub = try throttle()
        for index in 0..<30_000 {
            #expect(hub.request(.deviceToCloudSend, at: start.addingTimeInterval(Double(index) / 100)) == .admit)
        }
    }

    @Test func idleThrottleDrainsItsQueueAndRefillsItsBurst() throws {
        let clock = ManualClock()
        var hub = try throttle()
        #expect(hub.request(.deviceToCloudSend, cost: 12_000, at: clock.now()) == .delay(until: clock.now().addingTimeInterval(60)))
        #expect(hub.queued(.deviceToCloudSend, at: clock.now()) == 6_000)
        clock.advance(by: 30)
        #expect(hub.queued(.deviceToCloudSend, at: clock.now()) == 3_000)
        clock.advance(by: 90)
        #expect(hub.queued(.deviceToCloudSend, at: clock.now()) == 0)
        #expect(hub.request(.deviceToCloudSend, cost: 6_000, at: clock.now()) == .admit)
    }

    @Test func eachOperationHasItsOwnAllowance() throws {
        let clock = ManualClock()
        var hub = try throttle()
        _ = hub.request(.deviceToCloudSend, cost: 12_000, at: clock.now())
        #expect(hub.request(.twinRead, at: clock.now()) == .admit)
        #expect(hub.queued(.twinRead, at: clock.now()) == 0)
    }

    @Test func queriesOnS1QueueEveryThreeSecondsThenRefuse() throws {
        let clock = ManualClock()
        var hub = try throttle()
        for _ in 0..<20 {
            #expect(hub.request(.query, at: clock.now()) == .admit)
        }
        #expect(hub.request(.query, at: clock.now()) == .delay(until: clock.now().addingTimeInterval(3)))
        for _ in 0..<18 { _ = hub.request(.query, at: clock.now()) }
        #expect(hub.request(.query, at: clock.now()) == .delay(until: clock.now().addingTimeInterval(60)))
        #expect(
            hub.request(.query, at: clock.now())
                == .reject(
                    .throttleBacklogLimitExceeded(
                        operation: .query, limit: ThrottleLimit(count: 20, per: .minute), backlog: 20, retryAfterSeconds: 3)))
        clock.advance(by: 3)
        #expect(hub.request(.query, at: clock.now()) == .delay(until: clock.now().addingTimeInterval(60)))
    }

    @Test func largeDirectMethodsUseTheBandwidthFaster() throws {
        let clock = ManualClock()
        var hub = try throttle()
        let cost = HubOperation.directMethod.throttleCost(payloadBytes: 128 * 1_024)
        #expect(cost == 32)
        // 160 KB/sec is 40 blocks a second; a minute of burst is 2,400 blocks: 75 calls of 128 KB.
        for _ in 0..<75 {
            #expect(hub.request(.directMethod, cost: cost, at: clock.now()) == .admit)
        }
        #expect(hub.request(.directMethod, cost: cost, at: clock.now()) == .delay(until: clock.now().addingTimeInterval(0.8)))
    }

    @Test func requestLargerThanBurstAndBacklogIsAThrottlingException() throws {
        let clock = ManualClock()
        var hub = try throttle()
        let decision = hub.request(.query, cost: 41, at: clock.now())
        let error = QuotaError.throttlingException(
            operation: .query, limit: ThrottleLimit(count: 20, per: .minute), cost: 41, capacity: 40)
        #expect(decision == .reject(error))
        #expect(
            error.description
                == "429001 ThrottlingException: The request has been throttled: it costs 41 against the Queries throttle of 20/min, which holds at most 40 in its burst and backlog together. Send smaller requests"
        )
        #expect(hub.request(.query, cost: 40, at: clock.now()) == .delay(until: clock.now().addingTimeInterval(60)))
    }

    @Test func s3UnitsScaleTheBurst() throws {
        let clock = ManualClock()
        var hub = try throttle("S3", units: 2)
        // 12,000 sends a second: a minute's burst is 720,000, then one more waits 1/12,000 s.
        #expect(hub.request(.deviceToCloudSend, cost: 720_000, at: clock.now()) == .admit)
        guard case .delay(let until) = hub.request(.deviceToCloudSend, at: clock.now()) else {
            Issue.record("the send after the burst should be queued")
            return
        }
        #expect(offset(until, from: clock.now()) == 84)
    }

    @Test func withoutBurstEveryRequestWaitsItsTurn() throws {
        let clock = ManualClock()
        var hub = try throttle(shaping: TrafficShaping(burstSeconds: 0, backlogSeconds: 1))
        #expect(hub.request(.deviceToCloudSend, at: clock.now()) == .delay(until: clock.now().addingTimeInterval(0.01)))
        for _ in 0..<99 { _ = hub.request(.deviceToCloudSend, at: clock.now()) }
        guard case .reject(let error) = hub.request(.deviceToCloudSend, at: clock.now()) else {
            Issue.record("a second's backlog should be full after 100 sends")
            return
        }
        #expect(error.errorCode == 429002)
    }

    @Test func clockGoingBackwardsRefillsNothing() throws {
        let start = ManualClock().now()
        var bucket = TokenBucket(limit: ThrottleLimit(count: 1, per: .second), burst: 1, backlog: 1, at: start)
        #expect(bucket.request(at: start) == .admitted)
        #expect(bucket.request(at: start.addingTimeInterval(-10)) == .delayed(until: start.addingTimeInterval(1)))
        #expect(bucket.request(at: start) == .backlogFull(retryAfter: start.addingTimeInterval(1)))
        #expect(bucket.available(at: start.addingTimeInterval(3)) == 1)
    }
}
