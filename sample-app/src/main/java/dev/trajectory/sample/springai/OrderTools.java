package dev.trajectory.sample.springai;

import org.springframework.ai.tool.annotation.Tool;

/** The shop's tools the model may call; {@code refund} is down, to show a failed tool call in the trajectory. */
class OrderTools {

    @Tool(description = "Shipping status of an order")
    public String orderStatus(String orderId) {
        return "Order " + orderId + " left the warehouse yesterday and arrives tomorrow.";
    }

    @Tool(description = "Starts a refund for an order")
    public String refund(String orderId) {
        throw new IllegalStateException("the refund service is unavailable");
    }
}
