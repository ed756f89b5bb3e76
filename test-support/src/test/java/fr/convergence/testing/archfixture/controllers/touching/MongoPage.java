package fr.convergence.testing.archfixture.controllers.touching;

/** A (non-REST) controller holding the MongoDB driver: refused as well. */
@org.springframework.stereotype.Controller
public class MongoPage {
    public com.mongodb.client.MongoClient client;
}
