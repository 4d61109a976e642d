-- wrk prints 50/75/90/99 %; the targets of this project are stated at the 95th percentile.
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000))
end
