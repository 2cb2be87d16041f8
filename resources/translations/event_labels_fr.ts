<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>EventLabels</name>
    <message>
        <source>First open</source>
        <translation>Première ouverture</translation>
    </message>
    <message>
        <source>Session started</source>
        <translation>Session démarrée</translation>
    </message>
    <message>
        <source>Screen viewed</source>
        <translation>Écran vu</translation>
    </message>
    <message>
        <source>Engaged with the app</source>
        <translation>A utilisé l’app</translation>
    </message>
    <message>
        <source>Viewed an item</source>
        <translation>A vu un article</translation>
    </message>
    <message>
        <source>Viewed an item list</source>
        <translation>A vu une liste d’articles</translation>
    </message>
    <message>
        <source>Viewed a promotion</source>
        <translation>A vu une promotion</translation>
    </message>
    <message>
        <source>Selected an item</source>
        <translation>A choisi un article</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>A fait une recherche</translation>
    </message>
    <message>
        <source>Added to wishlist</source>
        <translation>Ajouté à la liste d’envies</translation>
    </message>
    <message>
        <source>Added to cart</source>
        <translation>Ajouté au panier</translation>
    </message>
    <message>
        <source>Removed from cart</source>
        <translation>Retiré du panier</translation>
    </message>
    <message>
        <source>Viewed the cart</source>
        <translation>A vu le panier</translation>
    </message>
    <message>
        <source>Began checkout</source>
        <translation>A commencé la commande</translation>
    </message>
    <message>
        <source>Added payment details</source>
        <translation>A saisi le paiement</translation>
    </message>
    <message>
        <source>Added shipping details</source>
        <translation>A saisi la livraison</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>A acheté</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Remboursé</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>S’est inscrit</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>S’est connecté</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>A partagé</translation>
    </message>
    <message>
        <source>Started a level</source>
        <translation>A commencé un niveau</translation>
    </message>
    <message>
        <source>Finished a level</source>
        <translation>A terminé un niveau</translation>
    </message>
    <message>
        <source>Levelled up</source>
        <translation>A monté de niveau</translation>
    </message>
    <message>
        <source>Posted a score</source>
        <translation>A publié un score</translation>
    </message>
    <message>
        <source>Earned virtual currency</source>
        <translation>A gagné de la monnaie virtuelle</translation>
    </message>
    <message>
        <source>Spent virtual currency</source>
        <translation>A dépensé de la monnaie virtuelle</translation>
    </message>
    <message>
        <source>Unlocked an achievement</source>
        <translation>A débloqué un succès</translation>
    </message>
    <message>
        <source>Began the tutorial</source>
        <translation>A commencé le tutoriel</translation>
    </message>
    <message>
        <source>Completed the tutorial</source>
        <translation>A terminé le tutoriel</translation>
    </message>
    <message>
        <source>Received a notification</source>
        <translation>A reçu une notification</translation>
    </message>
    <message>
        <source>Opened a notification</source>
        <translation>A ouvert une notification</translation>
    </message>
    <message>
        <source>Dismissed a notification</source>
        <translation>A ignoré une notification</translation>
    </message>
    <message>
        <source>Removed the app</source>
        <translation>A désinstallé l’app</translation>
    </message>
</context>
</TS>
